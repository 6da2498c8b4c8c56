import type { Route } from "./+types/utility-bills";
import { prisma } from "~/db/prisma.server";
import { BILLS_MAX_BYTES } from "~/domain/payments/bill-import";
import { receiveBills } from "~/domain/payments/bill-import.server";
import { env } from "~/env.server";
import { headersOf, readUpTo } from "~/server/request-body.server";

/*
 * POST /api/utility/bills: a utility provider's bills, as JSON or CSV (docs/payments.md, "Import"). No
 * cookie session here: the provider signs like a registry source, and the domain checks the signature.
 */
const notAllowed = () => Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });

export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST") return notAllowed();
  const answer = await receiveBills(prisma, {
    headers: headersOf(request),
    body: await readUpTo(request, BILLS_MAX_BYTES),
    now: new Date(),
    sealingKey: env().REGISTRY_SEALING_KEY,
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return notAllowed();
}
