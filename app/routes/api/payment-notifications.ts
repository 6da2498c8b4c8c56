import type { Route } from "./+types/payment-notifications";
import { SIGNATURE_HEADER } from "~/domain/payments/acquirer-client.server";
import { receivePaymentNotification } from "~/domain/payments/payments.server";
import { paymentContext } from "~/server/payments.server";
import { readUpTo } from "~/server/request-body.server";

/*
 * POST /api/payments/notifications: the acquirer says a payment changed (docs/payments.md, "Outcome only from
 * the acquirer"). No cookie session: the HMAC over the raw body is the authentication, checked by the domain.
 */
const MAX_NOTIFICATION_BYTES = 64 * 1024;

export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST")
    return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
  const body = await readUpTo(request, MAX_NOTIFICATION_BYTES);
  if (body === null) return Response.json({ error: "too-large" }, { status: 413 });
  const answer = await receivePaymentNotification(paymentContext(), {
    body,
    signature: request.headers.get(SIGNATURE_HEADER),
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
}
