import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DaysLeft } from "~/components/days-left";
import { Fact } from "~/components/fact";
import { StatusBadge } from "~/components/status-badge";
import type { Status } from "~/domain/applications/lifecycle";

export type ApplicationHeaderView = {
  number: string;
  service: string;
  measure: string | null;
  status: Status;
  daysLeft: number | null;
  applicantName: string;
  receivedAt: string;
  deadline: string;
  assignee: { email: string } | null;
  notice: string | null;
};

/** The top of the officer's page: the way back to the queues, what was just done, the case's facts. */
export function ApplicationHeader({ view: d }: { view: ApplicationHeaderView }) {
  const { t } = useTranslation("office");
  const { t: tc } = useTranslation();
  return (
    <>
      <title>{`${t("application.title", { number: d.number })} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/office" className="text-brand-700 underline">
          {t("queues.title")}
        </Link>
      </p>
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${d.notice}`, { defaultValue: t("notice.done") })}
        </p>
      )}
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">
        {d.service} — {t("application.number", { number: d.number })}
      </h1>
      {d.measure && (
        <p className="mt-1 text-lg" data-testid="measure">
          {t("application.measure", { measure: d.measure })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={d.status} />
        {d.daysLeft !== null && <DaysLeft days={d.daysLeft} />}
      </div>
      <dl className="mt-4 grid gap-3 sm:grid-cols-4">
        <Fact boxed breakAnywhere term={t("columns.applicant")}>
          {d.applicantName}
        </Fact>
        <Fact boxed breakAnywhere term={t("columns.receivedAt")}>
          {d.receivedAt}
        </Fact>
        <Fact boxed breakAnywhere term={t("columns.deadline")}>
          {d.deadline}
        </Fact>
        <Fact boxed breakAnywhere term={t("columns.assignee")}>
          <span data-testid="assignee">{d.assignee?.email ?? t("application.unassigned")}</span>
        </Fact>
      </dl>
    </>
  );
}
