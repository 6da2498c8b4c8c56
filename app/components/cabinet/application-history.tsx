import { useTranslation } from "react-i18next";
import type { ResidentApplicationPage } from "~/domain/applications/resident-page.server";

/** The correspondence with the department as the resident sees it: its requests, their answers, the files. */
export function ResidentMessages({
  messages,
  department,
}: {
  messages: ResidentApplicationPage["messages"];
  department: string;
}) {
  const { t } = useTranslation("applications");
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby="messages-title" className="mt-8">
      <h2 id="messages-title" className="text-xl font-bold">
        {t("page.messages")}
      </h2>
      <ul className="mt-3 space-y-3">
        {messages.map((m) => (
          <li
            key={m.id}
            className={`rounded-md border p-3 ${m.author === "department" ? "border-brand-700 bg-white" : "border-slate-300 bg-slate-50"}`}
          >
            <p className="text-sm font-semibold">
              {m.author === "department" ? department : t("page.you")} · {m.at}
            </p>
            <p className="mt-1 whitespace-pre-line">{m.text}</p>
            {m.files.map((f) => (
              <a key={f.id} href={`/documents/${f.id}`} className="mt-1 block text-brand-700 underline">
                {f.name}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every status the application went through (a package's: with its measures' cases), oldest first. */
export function ResidentTimeline({ events }: { events: ResidentApplicationPage["timeline"] }) {
  const { t } = useTranslation("applications");
  return (
    <section aria-labelledby="timeline-title" className="mt-8">
      <h2 id="timeline-title" className="text-xl font-bold">
        {t("page.timeline")}
      </h2>
      <ol className="mt-3 space-y-3 border-l-4 border-brand-100 pl-4" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-semibold">{t(`status.${e.status}`)}</p>
            {e.measure && <p>{e.measure}</p>}
            <p className="text-sm text-muted">{e.at}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
