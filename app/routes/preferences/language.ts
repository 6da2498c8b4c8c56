import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { isLanguage } from "~/domain/i18n/localized";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { languageCookie } from "~/i18n/i18n.server";
import { readFormData } from "~/server/form-data.server";

export async function action({ request }: Route.ActionArgs) {
  const form = await readFormData(request);
  const language = form.get("lng");
  // A ?lng= left in the address would override the choice just made.
  const back = new URL(safeRedirectPath(form.get("redirectTo")), "http://portal");
  back.searchParams.delete("lng");
  const target = back.pathname + back.search;
  if (!isLanguage(language)) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
