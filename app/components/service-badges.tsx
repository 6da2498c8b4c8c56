import { useTranslation } from "react-i18next";
import type { ServiceCard } from "~/domain/catalogue/catalogue";

const badge = "inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold";

/** Delivery mode, МСЗУ and proactive flags as text (never colour alone). */
export function ServiceBadges({ service }: { service: Pick<ServiceCard, "delivery" | "mszu" | "proactive"> }) {
  const { t } = useTranslation("catalogue");
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("service.facts")}>
      <li
        className={
          service.delivery === "online"
            ? `${badge} border-emerald-700 bg-emerald-50 text-emerald-900`
            : `${badge} border-amber-700 bg-amber-50 text-amber-900`
        }
      >
        {service.delivery === "online" ? t("badge.online") : t("badge.visit")}
      </li>
      {service.mszu && (
        <li className={`${badge} border-brand-600 bg-brand-50 text-brand-900`}>
          <abbr title={t("badge.mszu")} className="no-underline">
            {t("badge.mszuShort")}
          </abbr>
        </li>
      )}
      {service.proactive && (
        <li className={`${badge} border-violet-700 bg-violet-50 text-violet-900`}>{t("badge.proactive")}</li>
      )}
    </ul>
  );
}

export function DeadlineText({ days }: { days: number }) {
  const { t } = useTranslation("catalogue");
  return <>{days === 0 ? t("deadline.immediate") : t("deadline.days", { count: days })}</>;
}
