import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/register-sent";
import { demoMailboxEnabled } from "~/platform/mail.server";
import { PageTitle } from "~/components/page-title";

export function loader() {
  return { demoMailbox: demoMailboxEnabled() };
}

export default function RegisterSent({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <section className="max-w-xl">
      <PageTitle title={t("sent.title")} />
      <p className="mt-4 text-lg">{t("sent.body")}</p>
      <p className="mt-3">{t("sent.noMail")}</p>
      {loaderData.demoMailbox && <DemoMailboxNote />}
    </section>
  );
}

export function DemoMailboxNote() {
  const { t } = useTranslation("auth");
  return (
    <p className="mt-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
      {t("demoMailbox.note")}{" "}
      <Link to="/dev/mailbox" className="font-semibold text-brand-700 underline">
        {t("demoMailbox.link")}
      </Link>
    </p>
  );
}
