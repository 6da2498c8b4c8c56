import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/confirm-email";
import { prisma } from "~/db/prisma.server";
import { confirmEmail } from "~/domain/accounts/accounts.server";
import { PageTitle } from "~/components/page-title";

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (token && (await confirmEmail(prisma, token))) throw redirect("/login?notice=confirmed");
  return null;
}

/** Shown when the link is unknown, already used or expired. */
export default function ConfirmEmail() {
  const { t } = useTranslation("auth");
  return (
    <section className="max-w-xl">
      <PageTitle title={t("confirm.title")} />
      <p className="mt-4 text-lg">{t("confirm.invalid")}</p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>
          <Link to="/login" className="text-brand-700 underline">
            {t("confirm.tryLogin")}
          </Link>
        </li>
        <li>
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("confirm.getNewLink")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
