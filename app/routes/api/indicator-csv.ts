import { data } from "react-router";
import type { Route } from "./+types/indicator-csv";
import { prisma } from "~/db/prisma.server";
import { indicatorByCode } from "~/domain/indicators/definitions";
import { toCsv } from "~/domain/indicators/indicator-export";
import { indicatorSeries, statisticsYears } from "~/domain/indicators/indicators.server";
import { periodsBetween } from "~/domain/indicators/periods";
import { parseSlice } from "~/domain/indicators/slice";
import { regionDate } from "~/domain/region/clock";

/** Open data: one indicator for every year, quarter and month with statistics, as CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const definition = indicatorByCode(params.code);
  if (!definition) throw data(null, { status: 404 });
  const slice = parseSlice(new URL(request.url).searchParams);
  const years = await statisticsYears(prisma);
  const thisYear = Number(regionDate().slice(0, 4));
  const periods = periodsBetween(years?.first ?? thisYear, Math.max(years?.last ?? thisYear, thisYear));
  const rows = await indicatorSeries(prisma, definition.code, periods, slice);
  return new Response(toCsv(rows, definition.unit, slice), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${definition.code}.csv"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
