import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/index";
import { DataTable, type Column } from "~/components/data-table";
import { DaysLeft } from "~/components/days-left";
import { FilterForm, FilterInput, FilterSelect } from "~/components/filter-form";
import { KeysetPager } from "~/components/keyset-pager";
import { PageTitle } from "~/components/page-title";
import { keysetHref } from "~/components/page-links";
import { StatusBadge } from "~/components/status-badge";
import { prisma } from "~/db/prisma.server";
import { parseStatus, ALL_STATUSES } from "~/domain/applications/lifecycle";
import {
  departmentsAndServices,
  isSupervisor,
  listDepartmentOfficers,
  staffScope,
} from "~/domain/office/casework.server";
import { QUEUES, parseQueueQuery, type QueueQuery } from "~/domain/office/queues";
import { countQueues, listQueue, QUEUE_COUNT_CAP } from "~/domain/office/queues.server";
import { pick } from "~/domain/i18n/localized";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { worksEnrollment } from "~/domain/enrollment/enrollment.server";

/**
 * The "received" order pages on the receipt sequence, an integer column: a cursor from a link that
 * is not one (`9999999999999999999999`, `1e309`) starts from the first page instead of reaching the
 * database as an out-of-range number. The deadline cursor is compared as text and needs no check.
 */
function withUsableCursor(query: QueueQuery): QueueQuery {
  if (query.sort !== "received" || !query.after) return query;
  const usable = /^\d{1,10}$/.test(query.after) && Number(query.after) <= 2_147_483_647;
  return usable ? query : { ...query, after: undefined };
}

/** The staff's queues: only officers and supervisors, who see only their own departments. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const language = requestLanguage(context);
  const url = new URL(request.url);
  const query = withUsableCursor(parseQueueQuery(url.searchParams));
  const { departmentIds, schoolCodes } = await staffScope(prisma, user.roles);
  const scope = { departmentIds, schoolCodes, officerId: user.id };
  const [page, counts, officers, { services, departments }] = await Promise.all([
    listQueue(prisma, scope, query),
    countQueues(prisma, scope),
    listDepartmentOfficers(prisma, departmentIds),
    departmentsAndServices(prisma, departmentIds),
  ]);
  return {
    query,
    schools: schoolCodes,
    counts,
    cap: QUEUE_COUNT_CAP,
    supervisor: isSupervisor(user.roles),
    enrollmentLists: await worksEnrollment(prisma, departmentIds),
    departments: departments.map((d) => pick({ ru: d.nameRu, en: d.nameEn }, language)),
    officers,
    services: services.map((s) => ({ value: s.code, label: pick({ ru: s.titleRu, en: s.titleEn }, language) })),
    municipalities: MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) })),
    rows: page.rows.map((r) => ({
      number: r.number!,
      status: parseStatus(r.status),
      service: pick({ ru: r.service.titleRu, en: r.service.titleEn }, language),
      applicant: r.applicantName ?? "",
      receivedAt: r.receivedAt ? formatDateTime(r.receivedAt, language) : "",
      deadline: r.deadline ? formatDate(r.deadline, language) : "",
      daysLeft: r.daysLeft,
      assignee: r.assignee?.email ?? null,
    })),
    next: page.next ? keysetHref(url.searchParams, "after", page.next) : null,
  };
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

export default function Office({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("office");
  const { t: te } = useTranslation("enrollment");
  const { t: ta } = useTranslation("applications");
  const q = d.query;
  const columns: Column<Row>[] = [
    {
      id: "number",
      header: t("columns.number"),
      className: "whitespace-nowrap",
      cell: (r) => (
        <Link to={`/office/applications/${r.number}`} className="font-semibold text-brand-700 underline">
          {r.number}
        </Link>
      ),
    },
    { id: "service", header: t("columns.service"), cell: (r) => r.service },
    { id: "applicant", header: t("columns.applicant"), cell: (r) => r.applicant },
    { id: "receivedAt", header: t("columns.receivedAt"), cell: (r) => r.receivedAt },
    { id: "deadline", header: t("columns.deadline"), className: "whitespace-nowrap", cell: (r) => r.deadline },
    {
      id: "daysLeft",
      header: t("columns.daysLeft"),
      cell: (r) => r.daysLeft !== null && <DaysLeft days={r.daysLeft} />,
    },
    { id: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
    { id: "assignee", header: t("columns.assignee"), cell: (r) => r.assignee ?? "—" },
  ];
  return (
    <section>
      <PageTitle title={t("queues.title")} />
      <p className="mt-2 text-sm text-muted">
        {d.departments.join("; ")}
        {d.schools && ` — ${t("queues.schools", { schools: d.schools.join(", ") })}`}
      </p>
      {d.supervisor && (
        <p className="mt-2">
          <Link to="/office/supervisor" className="font-semibold text-brand-700 underline">
            {t("supervisor.title")}
          </Link>
        </p>
      )}
      {d.enrollmentLists && (
        <p className="mt-2">
          <Link to="/office/enrollment" className="font-semibold text-brand-700 underline">
            {te("office.link")}
          </Link>
        </p>
      )}
      <nav aria-label={t("queues.nav")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {QUEUES.map((name) => (
            <li key={name}>
              <Link
                to={`?queue=${name}`}
                aria-current={q.queue === name ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 font-semibold ${q.queue === name ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-700 underline"}`}
              >
                {t(`queues.${name}`)}{" "}
                <span data-testid={`count-${name}`}>({d.counts[name] > d.cap ? `${d.cap}+` : d.counts[name]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm
        submitLabel={t("filters.apply")}
        layout="panel"
        className="mt-4 sm:grid-cols-3 lg:grid-cols-6"
        hidden={{ queue: q.queue }}
      >
        <FilterInput name="q" type="search" label={t("filters.search")} value={q.q} className="sm:col-span-2" />
        <FilterSelect
          name="service"
          label={t("filters.service")}
          value={q.service}
          anyLabel={t("filters.any")}
          options={d.services}
        />
        <FilterSelect
          name="status"
          label={t("filters.status")}
          value={q.status}
          anyLabel={t("filters.any")}
          options={ALL_STATUSES.filter((s) => s !== "draft").map((s) => ({ value: s, label: ta(`status.${s}`) }))}
        />
        <FilterSelect
          name="municipality"
          label={t("filters.municipality")}
          value={q.municipality}
          anyLabel={t("filters.any")}
          options={d.municipalities}
        />
        <FilterSelect
          name="assignee"
          label={t("filters.assignee")}
          value={q.assignee}
          anyLabel={t("filters.any")}
          options={[
            { value: "none", label: t("filters.unassigned") },
            ...d.officers.map((o) => ({ value: o.id, label: o.email })),
          ]}
        />
        <FilterSelect
          name="sort"
          label={t("filters.sort")}
          value={q.sort}
          anyLabel={t("filters.any")}
          options={[
            { value: "deadline", label: t("filters.byDeadline") },
            { value: "received", label: t("filters.byReceipt") },
          ]}
        />
      </FilterForm>
      {d.rows.length === 0 ? (
        <p className="mt-6">{t("queues.empty")}</p>
      ) : (
        <DataTable
          caption={t(`queues.${q.queue}`)}
          columns={columns}
          rows={d.rows}
          rowKey={(r) => r.number}
          compact
          testId="queue"
        />
      )}
      <KeysetPager next={d.next} label={t("queues.next")} />
    </section>
  );
}
