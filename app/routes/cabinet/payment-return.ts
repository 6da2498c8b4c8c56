import { redirect } from "react-router";
import type { Route } from "./+types/payment-return";
import { payersPaymentRefreshed } from "~/domain/payments/payments.server";
import { requireUser } from "~/server/auth.server";
import { paymentContext } from "~/server/payments.server";

/*
 * The payer comes back from the acquirer's page. The address carries no outcome ("finished" is not "paid",
 * docs/payments.md): the portal asks the acquirer, then shows the payment's page.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const paymentId = await payersPaymentRefreshed(paymentContext(), {
    userId: user.id,
    paymentId: params.paymentId,
    trigger: "return",
  });
  if (!paymentId) throw new Response("Not Found", { status: 404 });
  return redirect(`/cabinet/payments/receipts/${paymentId}`);
}
