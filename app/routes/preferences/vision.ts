import { redirect } from "react-router";
import type { Route } from "./+types/vision";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { serializeVisionPreference } from "~/server/preferences.server";
import { readFormData } from "~/server/form-data.server";

export async function action({ request }: Route.ActionArgs) {
  const form = await readFormData(request);
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await serializeVisionPreference(form.get("vision") === "high") },
  });
}

export function loader() {
  return redirect("/");
}
