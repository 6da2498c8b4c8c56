import { data } from "react-router";
import type { Route } from "./+types/indicators";
import { prisma } from "~/db/prisma.server";
import { toRecord } from "~/domain/indicators/indicator-export";
import { indicatorsForPeriod } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { parseSlice } from "~/domain/indicators/slice";
import { regionDate } from "~/domain/region/clock";
import { requestLanguage } from "~/i18n/i18n.server";

/** Open data: every indicator for a period (`?period=2026`, `2026-Q2`, `2026-04`) and an optional slice. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const period = parsePeriod(params.get("period") ?? regionDate().slice(0, 4));
  if (!period) return data({ error: "bad_period", expected: "YYYY, YYYY-Qn or YYYY-MM" }, { status: 400 });
  const slice = parseSlice(params);
  const values = await indicatorsForPeriod(prisma, period, slice);
  const language = requestLanguage(context);
  return data(
    { period: period.key, slice, indicators: values.map((v) => toRecord(v, language)) },
    { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } },
  );
}
