import { createCookie, data, redirect } from "react-router";
import { prisma } from "~/db/prisma.server";
import { isRole, type Role, type RoleGrant } from "~/domain/accounts/roles";
import { sessionUser } from "~/domain/accounts/sessions.server";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { secureCookies } from "~/env.server";

/*
 * Who is asking: the session cookie holds only the random session token. Every loader and action
 * that serves anything personal starts with requireUser or requireRole.
 */
export const sessionCookie = createCookie("session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
});

export type CurrentUser = {
  id: string;
  email: string;
  language: string;
  roles: RoleGrant[];
  /** When the session ends (read with it), for the warning before it does. */
  sessionExpiresAt: Date;
};

const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

async function loadUser(request: Request): Promise<CurrentUser | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const user = await sessionUser(prisma, token);
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    language: user.language,
    roles: user.roles
      .filter((r) => isRole(r.role))
      .map((r) => ({ role: r.role as Role, departmentCode: r.departmentCode, schoolCode: r.schoolCode })),
    sessionExpiresAt: user.sessionExpiresAt,
  };
}

export function getOptionalUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadUser(request);
    cache.set(request, pending);
  }
  return pending;
}

/** The signed-in user; a visitor is sent to sign in and brought back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    // Through the one return-URL rule: an over-long or odd address comes back as the cabinet.
    const back = safeRedirectPath(url.pathname + url.search, "/cabinet");
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The signed-in user holding one of the roles; anyone else gets 403. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!user.roles.some((grant) => roles.includes(grant.role))) throw data(null, { status: 403 });
  return user;
}

export async function sessionCookieHeader(token: string, expiresAt: Date | null): Promise<string> {
  return sessionCookie.serialize(token, expiresAt ? { expires: expiresAt } : {});
}

export async function clearSessionCookieHeader(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0 });
}
