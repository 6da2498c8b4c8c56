import { Readable } from "node:stream";
import { data } from "react-router";
import type { Route } from "./+types/download";
import { prisma } from "~/db/prisma.server";
import { recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { staffMaySee } from "~/domain/office/casework.server";
import { openUpload } from "~/domain/uploads/uploads.server";
import { requireUser, type CurrentUser } from "~/server/auth.server";
import { DOCUMENT_CSP } from "~/server/security-headers.server";

/*
 * A document of an application: only its owner, and staff of the department the application went
 * to, may download it. Anyone else gets "not found", so ids cannot be probed. Staff downloads are
 * personal-data access and are audited.
 *
 * The file is answered from the route's middleware, before any page is drawn. When there is no
 * file for this person the middleware lets the request go on to the loader, whose 404 the root's
 * error boundary shows as the portal's own page (layout, language, links home) — not a bare "null".
 */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params }, next) => {
    const user = await requireUser(request);
    const file = await documentFor(user, params.uploadId, new URL(request.url).searchParams.has("inline"));
    return file ?? next();
  },
];

export function loader() {
  throw data(null, { status: 404 });
}

/** Drawn only as the error boundary's 404: a found document never reaches the page. */
export default function DocumentNotFound() {
  return null;
}

async function documentFor(user: CurrentUser, uploadId: string, inline: boolean): Promise<Response | null> {
  const opened = await openUpload(prisma, uploadId);
  if (!opened) return null;
  let allowed = opened.row.ownerId === user.id;
  if (!allowed && opened.applicationId) {
    allowed = await staffMaySee(prisma, user.roles, opened.applicationId);
    if (allowed) {
      await recordPersonalDataAccess(prisma, {
        staffId: user.id,
        personId: opened.row.ownerId,
        fields: ["document"],
        purpose: `application:${opened.applicationId}`,
      });
    }
  }
  if (!allowed) return null;
  const ascii = opened.row.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Readable.toWeb(opened.stream()) as ReadableStream, {
    headers: {
      "Content-Type": opened.row.contentType,
      "Content-Length": String(opened.row.size),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(opened.row.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOCUMENT_CSP,
    },
  });
}
