import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Route } from "./+types/audit";
import { prisma } from "~/db/prisma.server";
import { listAuditEvents } from "~/domain/accounts/staff-admin.server";
import { requireRole } from "~/server/auth.server";
import { DataTable, type Column } from "~/components/data-table";
import { FilterForm, FilterInput } from "~/components/filter-form";
import { KeysetPager } from "~/components/keyset-pager";
import { PageTitle } from "~/components/page-title";
import { keysetHref } from "~/components/page-links";

/** A real day (not 2019-13-01 or 2019-02-30), or no filter: a bad date in a link is ignored. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) && value >= "1900-01-01";
  })
  .optional()
  .catch(undefined);

const FilterSchema = z.object({
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  subject: z.string().trim().max(100).optional().catch(undefined),
  from: calendarDate,
  to: calendarDate,
});

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  const filter = FilterSchema.parse(raw);
  const { events, next } = await listAuditEvents(prisma, filter);
  return {
    filter,
    next: next ? keysetHref(raw, "before", String(next), { path: "/admin/audit" }) : null,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorId,
      action: e.action,
      subject: e.subjectId,
      result: e.result,
      details: e.details,
    })),
  };
}

type EventRow = Route.ComponentProps["loaderData"]["events"][number];

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  const code = "font-mono text-xs";
  const cells: Omit<Column<EventRow>, "header">[] = [
    { id: "at", className: "whitespace-nowrap", cell: (e) => e.at.replace("T", " ").slice(0, 19) },
    { id: "actor", className: code, cell: (e) => e.actor?.slice(0, 8) ?? "—" },
    { id: "action", cell: (e) => e.action },
    { id: "subject", className: code, cell: (e) => e.subject ?? "—" },
    { id: "result", cell: (e) => e.result },
    { id: "details", className: `${code} break-all`, cell: (e) => e.details },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`auditColumns.${column.id}`) }));
  return (
    <section>
      <PageTitle title={t("admin.audit")} id="audit-title" />
      <FilterForm submitLabel={t("auditFilter.apply")} layout="panel" className="mt-4 sm:grid-cols-5">
        {(["actor", "subject", "from", "to"] as const).map((name) => (
          <FilterInput
            key={name}
            id={`audit-${name}`}
            name={name}
            label={t(`auditFilter.${name}`)}
            type={name === "from" || name === "to" ? "date" : "text"}
            value={loaderData.filter[name]}
          />
        ))}
      </FilterForm>
      <DataTable labelledBy="audit-title" columns={columns} rows={loaderData.events} rowKey={(e) => e.id} compact />
      <KeysetPager next={loaderData.next} label={t("admin.nextPage")} />
    </section>
  );
}
