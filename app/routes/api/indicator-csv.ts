import { data } from "react-router";
import type { Route } from "./+types/indicator-csv";
import { prisma } from "~/db/prisma.server";
import { indicatorByCode } from "~/domain/indicators/definitions";
import { csvDialectOf, toCsv } from "~/domain/indicators/indicator-export";
import { indicatorSeries, statisticsYears } from "~/domain/indicators/indicators.server";
import { periodsBetween } from "~/domain/indicators/periods";
import { parseSlice } from "~/domain/indicators/slice";
import { regionDate } from "~/domain/region/clock";

/**
 * Open data: one indicator for every year, quarter and month with statistics, as CSV; with
 * `?format=excel`, the variant a Russian-locale Excel opens as it is (indicator-export.ts).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const definition = indicatorByCode(params.code);
  if (!definition) throw data(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const slice = parseSlice(search);
  const dialect = csvDialectOf(search);
  const years = await statisticsYears(prisma);
  const thisYear = Number(regionDate().slice(0, 4));
  const periods = periodsBetween(years?.first ?? thisYear, Math.max(years?.last ?? thisYear, thisYear));
  const rows = await indicatorSeries(prisma, definition.code, periods, slice);
  return new Response(toCsv(rows, definition.unit, slice, dialect), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${definition.code}${dialect === "excel" ? "-excel" : ""}.csv"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
