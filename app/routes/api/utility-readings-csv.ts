import type { Route } from "./+types/utility-readings-csv";
import { getOnly, providerExportResponse } from "~/server/provider-export-response.server";

/*
 * GET /api/utility/readings.csv: the residents' meter readings of a month, `?period=YYYY-MM` (docs/payments.md). Signed by the provider
 * like a registry source's request, over the empty body; no cookie session.
 */
export function loader({ request }: Route.LoaderArgs) {
  return providerExportResponse(request, "readings");
}

export function action() {
  return getOnly();
}
