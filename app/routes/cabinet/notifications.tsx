import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/notifications";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { parseStatus } from "~/domain/applications/lifecycle";
import { listNotifications, markAllRead } from "~/domain/applications/notifications.server";
import { SCHEDULED_REFUSED } from "~/domain/enrollment/scheduled-submission.server";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";

/** Status changes of the resident's applications; opening the list reads them. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const notifications = await listNotifications(prisma, user.id);
  await markAllRead(prisma, user.id);
  return {
    notifications: notifications.map((n) => ({
      id: n.id,
      number: n.application.number,
      // A scheduled first-grade draft not sent has no lifecycle status: its review page says why.
      ...(n.status === SCHEDULED_REFUSED
        ? { status: null, draftHref: `/services/${n.application.service.slug}/apply/${n.application.id}/review` }
        : { status: parseStatus(n.status), draftHref: null }),
      at: formatDateTime(n.createdAt, language),
      unread: n.readAt === null,
    })),
  };
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: te } = useTranslation("enrollment");
  return (
    <section className="max-w-3xl">
      <PageTitle title={t("notifications.title")} />
      {loaderData.notifications.length === 0 ? (
        <p className="mt-4">{t("notifications.none")}</p>
      ) : (
        <ul className="mt-6 space-y-2" data-testid="notifications">
          {loaderData.notifications.map((n) => (
            <li
              key={n.id}
              className={`rounded-md border p-3 ${n.unread ? "border-brand-700 bg-white" : "border-slate-300"}`}
            >
              {n.unread && (
                <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-xs font-bold text-white">
                  {t("notifications.new")}
                </span>
              )}
              {n.draftHref ? (
                <Link to={n.draftHref} className="font-semibold text-brand-700 underline">
                  {te("form.scheduledRefused.notice")}
                </Link>
              ) : n.number ? (
                <Link to={`/cabinet/applications/${n.number}`} className="font-semibold text-brand-700 underline">
                  {t("notifications.text", { number: n.number, status: t(`status.${n.status}`) })}
                </Link>
              ) : (
                t(`status.${n.status}`)
              )}
              <span className="block text-sm text-muted">{n.at}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
