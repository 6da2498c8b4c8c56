import { useTranslation } from "react-i18next";
import type { Status } from "~/domain/applications/lifecycle";

export type StaffTimelineEvent = {
  id: number | string;
  at: string;
  command: string;
  status: Status;
  actorRole: string;
  actor: string | null;
  assignee: string | null;
  reason: string | null;
  ground: string | null;
};

/** Every event of the application as staff see it: who did what, when, and with which words. */
export function StaffTimeline({ events }: { events: StaffTimelineEvent[] }) {
  const { t } = useTranslation("office");
  const { t: ta } = useTranslation("applications");
  return (
    <section aria-labelledby="timeline-title" className="mt-8">
      <h2 id="timeline-title" className="text-xl font-bold">
        {t("application.timeline")}
      </h2>
      <ol
        className="mt-2 space-y-2 border-l-4 border-brand-100 pl-4 [overflow-wrap:anywhere]"
        data-testid="staff-timeline"
      >
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-semibold">
              {e.command === "assign" ? t("application.assigned", { officer: e.assignee }) : ta(`status.${e.status}`)}
            </p>
            <p className="text-sm text-muted">
              {e.at} · {e.actor ?? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}
            </p>
            {e.ground && <p className="text-sm">{e.ground}</p>}
            {e.reason && <p className="text-sm whitespace-pre-line">{e.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
