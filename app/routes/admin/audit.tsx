import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/audit";
import { prisma } from "~/db/prisma.server";
import { listAuditEvents } from "~/domain/accounts/staff-admin.server";
import { requireRole } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  const { events, next } = await listAuditEvents(prisma, before);
  return {
    next,
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
                <td className="py-1 pr-3 font-mono text-xs">{e.subject?.slice(0, 8) ?? "—"}</td>
                <td className="py-1 pr-3">{e.result}</td>
                <td className="py-1 pr-3 font-mono text-xs break-all">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.next && (
        <p className="mt-4">
          <Link to={`/admin/audit?before=${loaderData.next}`} className="text-brand-700 underline">
            {t("admin.nextPage")}
          </Link>
        </p>
      )}
    </section>
  );
}
