import type { Route } from "./+types/utility-payments-csv";
import { getOnly, providerExportResponse } from "~/server/provider-export-response.server";

/*
 * GET /api/utility/payments.csv: the payments of its bills that succeeded on a day, `?date=YYYY-MM-DD` (docs/payments.md). Signed by the provider
 * like a registry source's request, over the empty body; no cookie session.
 */
export function loader({ request }: Route.LoaderArgs) {
  return providerExportResponse(request, "payments");
}

export function action() {
  return getOnly();
}
