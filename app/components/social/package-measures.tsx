import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "~/components/data-table";
import { StatusBadge } from "~/components/status-badge";
import type { PackageView } from "~/domain/social/package-view.server";

type Payment = Extract<PackageView, { kind: "package" }>["measures"][number]["payments"][number];

/*
 * One application, several measures (docs/social-support.md): the resident sees every measure of the
 * package with its own status, deadline, decision and payments, and the certificate once issued.
 */
export function PackageMeasures({ view }: { view: PackageView }) {
  const { t } = useTranslation("applications");
  if (view.kind === "measure") {
    return (
      <p className="mt-5 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="measure-of-package">
        {t("measures.partOf", { title: view.title })}{" "}
        <Link to={`/cabinet/applications/${view.packageNumber}`} className="text-brand-700 underline">
          {t("measures.packageLink", { number: view.packageNumber })}
        </Link>
      </p>
    );
  }
  const paymentColumns: Column<Payment>[] = [
    { id: "month", header: t("measures.month"), cell: (p) => p.month },
    {
      id: "amount",
      header: t("measures.amount"),
      cell: (p) => p.amount ?? t("measures.share", { percent: p.percent }),
    },
  ];
  return (
    <section className="mt-6" aria-labelledby="measures-title" data-testid="package-measures">
      <h2 id="measures-title" className="text-xl font-bold text-brand-900">
        {t("measures.title")}
      </h2>
      <p className="mt-1 text-muted">{t("measures.intro")}</p>
      {view.certificate && (
        <div className="mt-4 rounded-md border-4 border-green-700 bg-green-50 p-4" data-testid="certificate">
          <p className="text-lg font-bold text-green-900">{t("measures.certificate.title")}</p>
          <p className="mt-1">
            {t("measures.certificate.number")} <strong>{view.certificate.number}</strong>
          </p>
          <p>{t("measures.certificate.valid", view.certificate)}</p>
        </div>
      )}
      <ul className="mt-4 space-y-4">
        {view.measures.map((m) => (
          <li key={m.code} className="rounded-md border border-slate-300 p-4" data-testid={`measure-${m.code}`}>
            <h3 id={`measure-${m.code}-title`} className="font-bold">
              {m.title}
            </h3>
            <div className="mt-2 flex flex-wrap items-center gap-3">
              <StatusBadge status={m.status} testId="measure-status" />
              {m.own ? (
                <span className="text-muted">{t("page.number", { number: m.number })}</span>
              ) : (
                <Link to={`/cabinet/applications/${m.number}`} className="text-brand-700 underline">
                  {t("page.number", { number: m.number })}
                </Link>
              )}
              {m.deadline && <span className="text-muted">{t("measures.deadline", { date: m.deadline })}</span>}
            </div>
            {m.request && (
              <div
                className="mt-2 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3"
                data-testid="measure-request"
              >
                <p>
                  {t("measures.request")} {m.request}
                </p>
                {!m.own && (
                  <Link to={`/cabinet/applications/${m.number}`} className="text-brand-700 underline">
                    {t("measures.answer", { title: m.title })}
                  </Link>
                )}
              </div>
            )}
            {m.refusal && (
              <p className="mt-2">
                {t("measures.refused")} {m.refusal.ground && <strong>{m.refusal.ground}.</strong>} {m.refusal.reason}
              </p>
            )}
            {m.payments.length > 0 && (
              <details className="mt-2">
                <summary id={`measure-${m.code}-schedule`} className="cursor-pointer text-brand-700 underline">
                  {t("measures.schedule")}
                </summary>
                <DataTable
                  labelledBy={`measure-${m.code}-title measure-${m.code}-schedule`}
                  columns={paymentColumns}
                  rows={m.payments}
                  rowKey={(p) => p.month}
                  className="mt-2 max-w-md"
                />
              </details>
            )}
          </li>
        ))}
      </ul>
      {view.notOpened.length > 0 && (
        <>
          <h3 className="mt-5 font-bold">{t("measures.notOpenedTitle")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-6" data-testid="measures-not-opened">
            {view.notOpened.map((m) => (
              <li key={m.title}>
                {m.title} — {t(`measures.notOpened.${m.reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
