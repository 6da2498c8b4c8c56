import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/supervisor";
import { DataTable, type Column } from "~/components/data-table";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { lowRatingsForDepartments } from "~/domain/applications/ratings.server";
import { assignMany, staffDepartmentIds } from "~/domain/office/casework.server";
import { getWorkload, listOpenForAssignment } from "~/domain/office/supervision.server";
import { pick } from "~/domain/i18n/localized";
import { formatValue } from "~/domain/indicators/format";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** Supervisors: workload per officer, deadlines at risk, low ratings, and moving work between officers. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "supervisor");
  const language = requestLanguage(context);
  const departmentIds = await staffDepartmentIds(
    prisma,
    user.roles.filter((r) => r.role === "supervisor"),
  );
  const codes = user.roles.filter((r) => r.role === "supervisor" && r.departmentCode).map((r) => r.departmentCode!);
  const [workload, open, lowRatings] = await Promise.all([
    getWorkload(prisma, departmentIds),
    listOpenForAssignment(prisma, departmentIds),
    lowRatingsForDepartments(prisma, codes),
  ]);
  const url = new URL(request.url);
  return {
    workload,
    // In the one number formatter's words: "2,5 рабочего дня", never "0.0 раб. дн.".
    averageTime:
      workload.averageWorkingDays === null ? null : formatValue(workload.averageWorkingDays, "workingDays", language),
    assigned: url.searchParams.get("assigned"),
    open: open.map((a) => ({
      number: a.number!,
      service: pick({ ru: a.service.titleRu, en: a.service.titleEn }, language),
      applicant: a.applicantName ?? "",
      deadline: a.deadline ? formatDate(a.deadline, language) : "",
      assignee: a.assignee?.email ?? null,
    })),
    lowRatings: lowRatings.map((r) => ({
      number: r.application.number ?? "",
      service: pick({ ru: r.application.service.titleRu, en: r.application.service.titleEn }, language),
      score: r.score,
      comment: r.comment,
      at: formatDateTime(r.createdAt, language),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "supervisor");
  const form = await readFormData(request);
  const assignee = form.get("assignee");
  const numbers = form.getAll("numbers").filter((n): n is string => typeof n === "string");
  if (typeof assignee !== "string" || !assignee || numbers.length === 0) {
    return data({ error: "choose" as const }, { status: 400 });
  }
  const result = await assignMany(prisma, {
    actor: { id: user.id, roles: user.roles.filter((r) => r.role === "supervisor") },
    numbers,
    assigneeId: assignee,
  });
  return redirect(`/office/supervisor?assigned=${result.assigned}`);
}

type WorkloadRow = Route.ComponentProps["loaderData"]["workload"]["rows"][number];

export default function Supervisor({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("office");
  const w = d.workload;
  const workloadColumns: Column<WorkloadRow>[] = [
    {
      id: "officer",
      header: t("supervisor.officer"),
      rowHeader: true,
      className: "font-normal [overflow-wrap:anywhere]",
      cell: (r) => r.email ?? t("filters.unassigned"),
    },
    { id: "inWork", header: t("supervisor.inWork"), cell: (r) => r.inWork },
    { id: "dueSoon", header: t("supervisor.dueSoon"), cell: (r) => r.dueSoon },
    {
      id: "overdue",
      header: t("supervisor.overdue"),
      className: (r) => (r.overdue > 0 ? "font-bold text-red-800" : ""),
      cell: (r) => r.overdue,
    },
  ];
  return (
    <section className="max-w-5xl">
      <p>
        <Link to="/office" className="text-brand-700 underline">
          {t("queues.title")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("supervisor.title")} />
      </div>
      <p className="mt-2">
        <Link to="/office/indicators" className="font-semibold text-brand-700 underline">
          {t("office.supervisorLink", { ns: "indicators" })}
        </Link>
      </p>
      {d.assigned !== null && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("supervisor.assignedCount", { count: Number(d.assigned) })}
        </p>
      )}
      <p className="mt-4" data-testid="processing-time">
        {d.averageTime === null
          ? t("supervisor.noDecisions")
          : t("supervisor.averageTime", { duration: d.averageTime, count: w.decidedLast90Days })}
      </p>
      {/* Focusable, so that a keyboard can scroll it if it is ever wider than a phone. */}
      <DataTable
        caption={t("supervisor.workload")}
        captionId="workload-caption"
        captionVisible
        columns={workloadColumns}
        rows={w.rows}
        rowKey={(r) => r.id ?? "none"}
        compact
        focusable
        testId="workload"
      />

      <section aria-labelledby="reassign-title" className="mt-8">
        <h2 id="reassign-title" className="text-xl font-bold">
          {t("supervisor.reassign")}
        </h2>
        {actionData?.error && (
          <p role="alert" className="mt-2 rounded-md border-4 border-red-700 bg-white p-3 font-semibold">
            {t("supervisor.choose")}
          </p>
        )}
        {d.open.length === 0 ? (
          <p className="mt-2">{t("queues.empty")}</p>
        ) : (
          <Form method="post" className="mt-3 space-y-3">
            <fieldset>
              <legend className="font-semibold">{t("supervisor.applications")}</legend>
              <ul className="mt-2 space-y-1">
                {d.open.map((a) => (
                  <li key={a.number}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name="numbers" value={a.number} className="mt-1 size-5 shrink-0" />
                      <span className="min-w-0 [overflow-wrap:anywhere]">
                        {a.number} · {a.service} · {a.applicant} · {t("columns.deadline")}: {a.deadline} ·{" "}
                        {a.assignee ?? t("filters.unassigned")}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div>
              <label htmlFor="bulk-assignee" className="block font-semibold">
                {t("actions.assignee")}
              </label>
              <select
                id="bulk-assignee"
                name="assignee"
                className="w-full max-w-md rounded-md border border-slate-500 bg-white px-3 py-2"
              >
                <option value="">{t("actions.chooseOfficer")}</option>
                {w.officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.email}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("supervisor.assignSelected")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="low-ratings" className="mt-8">
        <h2 id="low-ratings" className="text-xl font-bold">
          {t("supervisor.lowRatings")}
        </h2>
        {d.lowRatings.length === 0 ? (
          <p className="mt-2">{t("supervisor.noLowRatings")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="low-ratings">
            {d.lowRatings.map((r) => (
              <li key={`${r.number}-${r.at}`} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-semibold">
                  {t("supervisor.rating", { score: r.score })} · {r.service} · {r.number}
                </p>
                {r.comment && <p className="mt-1 whitespace-pre-line">{r.comment}</p>}
                <p className="text-sm text-muted">{r.at}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
