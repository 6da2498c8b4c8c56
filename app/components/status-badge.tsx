import { useTranslation } from "react-i18next";
import type { Status } from "~/domain/applications/lifecycle";

/*
 * The status in the Gosuslugi wording residents know. Colour is a help, never the only signal:
 * the words are always there.
 */
const TONE: Record<Status, string> = {
  draft: "bg-slate-100 text-slate-900 border-slate-400",
  registered: "bg-sky-50 text-sky-900 border-sky-700",
  sent: "bg-sky-50 text-sky-900 border-sky-700",
  received: "bg-sky-50 text-sky-900 border-sky-700",
  inReview: "bg-sky-50 text-sky-900 border-sky-700",
  waitingForInfo: "bg-amber-50 text-amber-900 border-amber-700",
  needsCorrection: "bg-amber-50 text-amber-900 border-amber-700",
  invitedToVisit: "bg-amber-50 text-amber-900 border-amber-700",
  completed: "bg-green-50 text-green-900 border-green-700",
  refused: "bg-red-50 text-red-900 border-red-700",
  withdrawn: "bg-slate-100 text-slate-900 border-slate-500",
};

export function StatusBadge({ status, testId = "status" }: { status: Status; testId?: string }) {
  const { t } = useTranslation("applications");
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-block rounded-md border px-2 py-1 text-sm font-semibold ${TONE[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}
