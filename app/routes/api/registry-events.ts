import type { Route } from "./+types/registry-events";
import { prisma } from "~/db/prisma.server";
import { MAX_EVENT_BYTES, receiveLifeEvent } from "~/domain/proactive/registry-intake.server";
import { env } from "~/env.server";

/*
 * POST /api/registry/events: life events from other systems (docs/proactive.md, "Intake"). No cookie
 * session here: the source's signature is the authentication, checked by the domain.
 */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST")
    return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_EVENT_BYTES)
    return Response.json({ error: "too-large" }, { status: 413 });
  const headers = Object.fromEntries([...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
  const answer = await receiveLifeEvent(prisma, {
    headers,
    body: await request.text(),
    now: new Date(),
    sealingKey: env().REGISTRY_SEALING_KEY,
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
}
