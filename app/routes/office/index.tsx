import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/index";
import { DaysLeft } from "~/components/days-left";
import { PageTitle } from "~/components/page-title";
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
  const next = page.next ? new URLSearchParams(url.searchParams) : null;
  next?.set("after", page.next!);
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
    next: next ? `?${next.toString()}` : null,
  };
}

export default function Office({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("office");
  const { t: te } = useTranslation("enrollment");
  const { t: ta } = useTranslation("applications");
  const q = d.query;
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="w-full rounded-md border border-slate-500 bg-white px-2 py-1.5"
      >
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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
      <Form
        method="get"
        className="mt-4 grid gap-3 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6"
      >
        <input type="hidden" name="queue" value={q.queue} />
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="block text-sm font-semibold">
            {t("filters.search")}
          </label>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={q.q ?? ""}
            className="w-full rounded-md border border-slate-500 px-2 py-1.5"
          />
        </div>
        {select("service", t("filters.service"), q.service, d.services)}
        {select(
          "status",
          t("filters.status"),
          q.status,
          ALL_STATUSES.filter((s) => s !== "draft").map((s) => ({ value: s, label: ta(`status.${s}`) })),
        )}
        {select("municipality", t("filters.municipality"), q.municipality, d.municipalities)}
        {select("assignee", t("filters.assignee"), q.assignee, [
          { value: "none", label: t("filters.unassigned") },
          ...d.officers.map((o) => ({ value: o.id, label: o.email })),
        ])}
        {select("sort", t("filters.sort"), q.sort, [
          { value: "deadline", label: t("filters.byDeadline") },
          { value: "received", label: t("filters.byReceipt") },
        ])}
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("filters.apply")}
          </button>
        </div>
      </Form>
      {d.rows.length === 0 ? (
        <p className="mt-6">{t("queues.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="queue">
            <caption className="sr-only">{t(`queues.${q.queue}`)}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                {["number", "service", "applicant", "receivedAt", "deadline", "daysLeft", "status", "assignee"].map(
                  (c) => (
                    <th key={c} scope="col" className="px-2 py-2">
                      {t(`columns.${c}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.number} className="border-b border-slate-200 align-top">
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    <Link to={`/office/applications/${r.number}`} className="font-semibold text-brand-700 underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className="px-2 py-1.5">{r.service}</td>
                  <td className="px-2 py-1.5">{r.applicant}</td>
                  <td className="px-2 py-1.5">{r.receivedAt}</td>
                  <td className="px-2 py-1.5 whitespace-nowrap">{r.deadline}</td>
                  <td className="px-2 py-1.5">{r.daysLeft !== null && <DaysLeft days={r.daysLeft} />}</td>
                  <td className="px-2 py-1.5">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="px-2 py-1.5">{r.assignee ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.next && (
        <p className="mt-4">
          <Link to={d.next} className="font-semibold text-brand-700 underline">
            {t("queues.next")}
          </Link>
        </p>
      )}
    </section>
  );
}
