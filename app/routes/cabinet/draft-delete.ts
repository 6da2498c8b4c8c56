import { data, redirect } from "react-router";
import type { Route } from "./+types/draft-delete";
import { prisma } from "~/db/prisma.server";
import { deleteDraft } from "~/domain/applications/applications.server";
import { requireUser } from "~/server/auth.server";

export function loader() {
  return redirect("/cabinet/applications");
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  if (!(await deleteDraft(prisma, user.id, params.draftId))) throw data(null, { status: 404 });
  return redirect("/cabinet/applications");
}
