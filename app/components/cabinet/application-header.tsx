import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Fact } from "~/components/fact";
import { StatusBadge } from "~/components/status-badge";
import type { ResidentApplicationPage } from "~/domain/applications/resident-page.server";

export type ResidentApplicationHeaderView = Pick<
  ResidentApplicationPage,
  "number" | "service" | "status" | "department" | "receivedAt" | "deadline" | "deadlineDays" | "workingDaysLeft"
> & {
  enrollment: { stage: number } | null;
  /** Just submitted: the confirmation with the number and what happens next. */
  submitted: boolean;
  /** What the resident just did (`notice.*` of the applications namespace). */
  notice: string | null;
};

/** The top of the resident's page of an application: the way back, what was just done, the case's facts. */
export function ResidentApplicationHeader({ view: d }: { view: ResidentApplicationHeaderView }) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  return (
    <>
      <title>{`${t("page.title", { number: d.number })} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/cabinet/applications" className="text-brand-700 underline">
          {t("list.title")}
        </Link>
      </p>
      {d.submitted && <Confirmation view={d} />}
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${d.notice}`, { defaultValue: "" })}
        </p>
      )}
      <h1 className="mt-4 text-2xl font-bold text-brand-900 sm:text-3xl">{d.service.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={d.status} />
        <span className="text-muted">{t("page.number", { number: d.number })}</span>
      </div>
      <dl className="mt-5 grid gap-4 sm:grid-cols-3">
        <Fact boxed term={t("page.receivedAt")}>
          {d.receivedAt}
        </Fact>
        <Fact boxed term={t("page.department")}>
          {d.department}
        </Fact>
        <Fact boxed term={t("page.deadline")}>
          {d.deadline}
          {d.workingDaysLeft !== null && (
            <span data-testid="days-left" className="block text-sm text-muted">
              {d.workingDaysLeft >= 0
                ? t("page.daysLeft", { count: d.workingDaysLeft })
                : t("page.overdue", { count: -d.workingDaysLeft })}
            </span>
          )}
        </Fact>
      </dl>
    </>
  );
}

function Confirmation({ view: d }: { view: ResidentApplicationHeaderView }) {
  const { t } = useTranslation("applications");
  const { t: te } = useTranslation("enrollment");
  return (
    <div role="status" className="mt-4 rounded-md border-4 border-green-700 bg-green-50 p-5" data-testid="confirmation">
      <p className="text-2xl font-bold text-green-900">{t("confirmation.title")}</p>
      <p className="mt-2 text-lg">
        {t("confirmation.number")} <strong className="text-2xl tracking-wide">{d.number}</strong>
      </p>
      {/* First grade: the order's own deadline, not the service's (docs/enrollment.md, "Deadlines"). */}
      {d.deadline && (
        <p className="mt-2">
          {d.enrollment
            ? te(`stumbles.orderDeadline.stage${d.enrollment.stage === 2 ? 2 : 1}`, { date: d.deadline })
            : t("confirmation.deadline", { date: d.deadline, days: d.deadlineDays })}
        </p>
      )}
      <h2 className="mt-4 font-bold">{t("confirmation.nextTitle")}</h2>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        <li>{t("confirmation.next1", { department: d.department })}</li>
        <li>{t("confirmation.next2")}</li>
        <li>{t("confirmation.next3")}</li>
      </ul>
    </div>
  );
}
