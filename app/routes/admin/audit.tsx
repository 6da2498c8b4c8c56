import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/audit";
import { prisma } from "~/db/prisma.server";
import { listAuditEvents } from "~/domain/accounts/staff-admin.server";
import { requireRole } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";

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
  const nextParams = new URLSearchParams(raw);
  if (next) nextParams.set("before", String(next));
  return {
    filter,
    next: next ? `/admin/audit?${nextParams.toString()}` : null,
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

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  return (
    <section>
      <PageTitle title={t("admin.audit")} />
      <Form method="get" className="mt-4 grid gap-3 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-5">
        {(["actor", "subject", "from", "to"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`audit-${name}`} className="block text-sm font-semibold">
              {t(`auditFilter.${name}`)}
            </label>
            <input
              id={`audit-${name}`}
              name={name}
              type={name === "from" || name === "to" ? "date" : "text"}
              defaultValue={loaderData.filter[name] ?? ""}
              className="w-full rounded-md border border-slate-500 px-2 py-1.5"
            />
          </div>
        ))}
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("auditFilter.apply")}
          </button>
        </div>
      </Form>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-slate-400">
              {(["at", "actor", "action", "subject", "result", "details"] as const).map((c) => (
                <th key={c} scope="col" className="py-2 pr-3">
                  {t(`auditColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {loaderData.events.map((e) => (
              <tr key={e.id} className="border-b border-slate-200 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{e.at.replace("T", " ").slice(0, 19)}</td>
                <td className="py-1 pr-3 font-mono text-xs">{e.actor?.slice(0, 8) ?? "—"}</td>
                <td className="py-1 pr-3">{e.action}</td>
                <td className="py-1 pr-3 font-mono text-xs">{e.subject ?? "—"}</td>
                <td className="py-1 pr-3">{e.result}</td>
                <td className="py-1 pr-3 font-mono text-xs break-all">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.next && (
        <p className="mt-4">
          <Link to={loaderData.next} className="text-brand-700 underline">
            {t("admin.nextPage")}
          </Link>
        </p>
      )}
    </section>
  );
}
