import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ServiceCard } from "~/domain/catalogue/catalogue";
import { DeadlineText, ServiceBadges } from "~/components/service-badges";

export function ServiceList({ services, headingLevel = 3 }: { services: ServiceCard[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("catalogue");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {services.map((service) => (
        <li key={service.code} className="flex flex-col rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
          <Heading className="text-lg leading-snug font-semibold">
            <Link to={`/services/${service.slug}`} className="text-brand-700 underline hover:text-brand-900">
              {service.title}
            </Link>
          </Heading>
          <p className="mt-2 flex-1 text-muted">{service.summary}</p>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <ServiceBadges service={service} />
            <span>
              {t("service.deadline")}: <DeadlineText days={service.deadlineDays} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
