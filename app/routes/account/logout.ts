import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { prisma } from "~/db/prisma.server";
import { destroyAllSessions, destroySession } from "~/domain/accounts/sessions.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { clearSessionCookieHeader, getOptionalUser, sessionToken } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** POST only: a link or an image cannot sign anyone out. "everywhere" ends every session of the account. */
export async function action({ request }: Route.ActionArgs) {
  const everywhere = (await readFormData(request)).get("scope") === "everywhere";
  const user = await getOptionalUser(request);
  const token = await sessionToken(request);
  if (user && everywhere) {
    await destroyAllSessions(prisma, user.id);
    await recordAudit(prisma, {
      actorId: user.id,
      action: "signout.everywhere",
      subjectType: "user",
      subjectId: user.id,
    });
  } else if (token) {
    await destroySession(prisma, token);
  }
  return redirect("/login?notice=signedOut", { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

export function loader() {
  return redirect("/");
}
