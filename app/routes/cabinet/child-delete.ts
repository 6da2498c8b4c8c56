import { data, redirect } from "react-router";
import type { Route } from "./+types/child-delete";
import { prisma } from "~/db/prisma.server";
import { removeChild } from "~/domain/accounts/profile.server";
import { requireUser } from "~/server/auth.server";

/** POST: removes one of the user's own children; anyone else's child id is simply not found. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  if (!(await removeChild(prisma, user.id, params.childId))) throw data(null, { status: 404 });
  return redirect("/cabinet/profile");
}

export function loader() {
  return redirect("/cabinet/profile");
}
