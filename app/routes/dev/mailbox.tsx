import { useTranslation } from "react-i18next";
import { data } from "react-router";
import type { Route } from "./+types/mailbox";
import { prisma } from "~/db/prisma.server";
import { browserMailbox } from "~/server/demo-mailbox.server";
import { demoMailboxEnabled, demoMailboxMessages } from "~/platform/mail.server";
import { PageTitle } from "~/components/page-title";

/*
 * The demo's mailbox: only when no SMTP server is configured (the labelled demo), so a newcomer can
 * confirm an address. It shows only the mail of accounts this browser created. With SMTP_URL set
 * this page does not exist.
 */
export async function loader({ request }: Route.LoaderArgs) {
  if (!demoMailboxEnabled()) throw data(null, { status: 404 });
  const mailbox = await browserMailbox(request);
  return { messages: mailbox ? await demoMailboxMessages(prisma, mailbox) : [] };
}

export default function Mailbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <section className="max-w-3xl">
      <PageTitle title={t("demoMailbox.title")} />
      <p className="mt-3">{t("demoMailbox.lead")}</p>
      {loaderData.messages.length === 0 && <p className="mt-6">{t("demoMailbox.empty")}</p>}
      <ol className="mt-6 space-y-6">
        {loaderData.messages.map((m) => (
          <li key={m.id} className="rounded-md border border-slate-400 bg-white p-4">
            <h2 className="font-bold">{m.subject}</h2>
            <p className="text-sm text-muted">
              {t("demoMailbox.to")}: {m.to}
            </p>
            <p className="mt-3 break-words whitespace-pre-line">
              {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                /^https?:\/\//.test(part) ? (
                  <a key={i} href={part} className="text-brand-700 underline">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
