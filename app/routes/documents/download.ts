import { Readable } from "node:stream";
import { data } from "react-router";
import type { Route } from "./+types/download";
import { prisma } from "~/db/prisma.server";
import { recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { staffMaySee } from "~/domain/office/casework.server";
import { openUpload } from "~/domain/uploads/uploads.server";
import { requireUser } from "~/server/auth.server";
import { DOCUMENT_CSP } from "~/server/security-headers.server";

/*
 * A document of an application: only its owner, and staff of the department the application went
 * to, may download it. Anyone else gets "not found", so ids cannot be probed. Staff downloads are
 * personal-data access and are audited.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const opened = await openUpload(prisma, params.uploadId);
  if (!opened) throw data(null, { status: 404 });
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
  if (!allowed) throw data(null, { status: 404 });
  const inline = new URL(request.url).searchParams.has("inline");
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
