import type { Route } from "./+types/registry-events";
import { prisma } from "~/db/prisma.server";
import { MAX_EVENT_BYTES, receiveLifeEvent } from "~/domain/proactive/registry-intake.server";
import { env } from "~/env.server";
import { headersOf, readUpTo } from "~/server/request-body.server";

/*
 * POST /api/registry/events: life events from other systems (docs/proactive.md, "Intake"). No cookie
 * session here: the source's signature is the authentication, checked by the domain.
 */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST")
    return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
  const answer = await receiveLifeEvent(prisma, {
    headers: headersOf(request),
    body: await readUpTo(request, MAX_EVENT_BYTES),
    now: new Date(),
    sealingKey: env().REGISTRY_SEALING_KEY,
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
}
