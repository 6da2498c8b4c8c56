import { useTranslation } from "react-i18next";
import { urgency } from "~/domain/office/queues";

/** Working days left to the legal deadline: words always, colour as a help. */
const TONE = {
  none: "",
  ok: "bg-green-50 text-green-900 border-green-700",
  soon: "bg-amber-50 text-amber-900 border-amber-700",
  today: "bg-amber-100 text-amber-950 border-amber-800",
  overdue: "bg-red-50 text-red-900 border-red-700",
} as const;

export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation("office");
  const tone = urgency(days);
  return (
    <span
      data-testid="days-left"
      className={`inline-block rounded-md border px-2 py-0.5 text-sm font-semibold ${TONE[tone]}`}
    >
      {days < 0
        ? t("daysLeft.overdue", { count: -days })
        : days === 0
          ? t("daysLeft.today")
          : t("daysLeft.left", { count: days })}
    </span>
  );
}
