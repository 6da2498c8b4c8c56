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
  const headers = Object.fromEntries([...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
  const answer = await receiveLifeEvent(prisma, {
    headers,
    body: await readUpTo(request, MAX_EVENT_BYTES),
    now: new Date(),
    sealingKey: env().REGISTRY_SEALING_KEY,
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } });
}

/** The body as text, or null when it is longer than `max` bytes: past `max` the rest is read and dropped, so a
 * sender without Content-Length cannot fill memory either. Not cancelled: the Node bridge under the server
 * (@mjackson/node-fetch-server) closes the stream again at the request's end, which throws once it is cancelled. */
async function readUpTo(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= max) chunks.push(value);
  }
  return size > max ? null : Buffer.concat(chunks).toString("utf8");
}
