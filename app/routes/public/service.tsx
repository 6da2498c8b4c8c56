import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/service";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Fact } from "~/components/fact";
import { SchoolAddressForm } from "~/components/school-address-form";
import { DeadlineText, ServiceBadges } from "~/components/service-badges";
import { prisma } from "~/db/prisma.server";
import { getServiceView } from "~/domain/catalogue/catalogue";
import { getCatalogue, getServiceForm } from "~/domain/catalogue/catalogue.server";
import { offersSchoolLookup } from "~/domain/enrollment/first-grade-service";
import { measuresOfPackage } from "~/domain/social/measure-store.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ params, context }: Route.LoaderArgs) {
  const catalogue = await getCatalogue(prisma);
  const service = catalogue.serviceBySlug.get(params.slug);
  if (!service) throw data(null, { status: 404 });
  const [form, measures] = await Promise.all([
    getServiceForm(prisma, service.code, service.currentVersion),
    // Read once per process (measure-store): a package service links to its entitlement page.
    measuresOfPackage(prisma, service.code),
  ]);
  const view = getServiceView(catalogue, params.slug, requestLanguage(context), form);
  if (!view) throw data(null, { status: 404 });
  return {
    ...view,
    schoolLookup: offersSchoolLookup(service.code),
    isPackage: measures !== null,
    usedAt: service.details.usedAt ?? null,
  };
}

export default function Service({ loaderData: service }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  const { t: te } = useTranslation("enrollment");
  const { t: tc } = useTranslation();
  return (
    <>
      <title>{`${service.title} — ${tc("layout.portalName")}`}</title>
      <Breadcrumbs
        items={[
          { to: "/", label: t("catalogue") },
          { to: `/categories/${service.category.slug}`, label: service.category.title },
          { label: service.title },
        ]}
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <article>
          <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{service.title}</h1>
          <div className="mt-3">
            <ServiceBadges service={service} />
          </div>
          <p className="mt-4 text-lg">{service.description}</p>
          {service.proactive && (
            <p className="mt-4 rounded-md border-l-4 border-violet-700 bg-violet-50 p-3">
              {t("service.proactiveNote")}
            </p>
          )}

          {service.isPackage && (
            <p className="mt-4 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
              <Link to={`/services/${service.slug}/measures`} className="font-semibold text-brand-700 underline">
                {t("entitlement.serviceLink")}
              </Link>
              <span className="block text-sm">{t("entitlement.serviceLinkNote")}</span>
            </p>
          )}

          {service.schoolLookup && (
            <section aria-labelledby="school-lookup" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
              <h2 id="school-lookup" className="text-lg font-bold">
                {te("schools.lookup.serviceTitle")}
              </h2>
              <p className="mt-1 mb-3">{te("schools.lookup.serviceLead")}</p>
              <SchoolAddressForm id="service-school-address" />
              <p className="mt-3">
                <Link to="/schools" className="text-brand-700 underline">
                  {te("schools.lookup.allSchools")}
                </Link>
              </p>
            </section>
          )}

          <Section id="who" title={t("service.who")}>
            <ul className="list-disc space-y-1 pl-6">
              {service.applicants.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </Section>

          <Section id="documents" title={t("service.documents")}>
            {service.documents.length === 0 ? (
              <p>{t("service.noDocuments")}</p>
            ) : (
              <ul className="list-disc space-y-2 pl-6">
                {service.documents.map((d) => (
                  <li key={d.title}>
                    {d.title}
                    {d.optional && <> ({t("service.documentOptional")})</>}
                    <span className="block text-sm text-muted">
                      {d.source === "applicant" ? t("service.documentApplicant") : t("service.documentInteragency")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="result" title={t("service.result")}>
            <p>{service.result}</p>
          </Section>

          {service.visitNote && (
            <Section id="visit" title={t("service.visitNote")}>
              <p>{service.visitNote}</p>
            </Section>
          )}

          <Section id="refusal" title={t("service.refusal")}>
            <ul className="list-disc space-y-1 pl-6">
              {service.refusalGrounds.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </Section>

          {service.steps.length > 0 && !service.usedAt && (
            <Section id="how" title={t("service.howToApply")}>
              <p>{t("service.steps", { count: service.steps.length, steps: service.steps.join(", ") })}</p>
            </Section>
          )}
        </article>

        <aside aria-labelledby="facts" className="h-fit rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id="facts" className="text-lg font-bold">
            {t("service.facts")}
          </h2>
          <dl className="mt-3 space-y-3">
            <Fact term={t("service.deadline")}>
              <DeadlineText days={service.deadlineDays} />
              {service.deadlineDays > 0 && (
                <span className="block text-sm text-muted">{t("service.deadlineNote")}</span>
              )}
            </Fact>
            <Fact term={t("service.cost")}>{service.cost ?? t("service.free")}</Fact>
            <Fact term={t("service.department")}>{service.department}</Fact>
            <Fact term={t("service.level")}>{t(`badge.${service.level}`)}</Fact>
            <Fact term={t("service.code")}>{service.code}</Fact>
          </dl>
          <div className="mt-5 rounded-md bg-brand-50 p-4">
            {service.usedAt ? (
              <Link
                to={service.usedAt}
                className="block rounded-md bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-900"
              >
                {t("service.useInCabinet")}
              </Link>
            ) : service.delivery === "online" ? (
              <>
                <Link
                  to={`/services/${service.slug}/apply`}
                  className="block rounded-md bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-900"
                >
                  {t("service.apply")}
                </Link>
                <p className="mt-2 text-sm">{t("service.applyNote")}</p>
              </>
            ) : (
              <p className="text-sm">{t("service.visitOnly")}</p>
            )}
          </div>
          {service.lifeSituations.length > 0 && (
            <ul className="mt-4 flex flex-wrap gap-2 text-sm">
              {service.lifeSituations.map((l) => (
                <li key={l.slug}>
                  <Link to={`/search?situation=${l.slug}`} className="text-brand-700 underline">
                    {l.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
