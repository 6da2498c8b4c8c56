import { data, redirect } from "react-router";
import type { Route } from "./+types/session-extend";
import { prisma } from "~/db/prisma.server";
import { extendSession } from "~/domain/accounts/sessions.server";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { sessionToken } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** "Stay signed in": the session-timeout warning's button; a plain POST, so it works without JavaScript. */
export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const token = await sessionToken(request);
  const expiresAt = token ? await extendSession(prisma, token) : null;
  const form = await readFormData(request);
  if (form.get("fetch") === "1") return data({ expiresAt: expiresAt?.getTime() ?? null });
  if (!expiresAt) return redirect(`/login?redirectTo=${encodeURIComponent(safeRedirectPath(form.get("redirectTo")))}`);
  return redirect(safeRedirectPath(form.get("redirectTo")));
}
