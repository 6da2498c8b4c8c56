import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/start";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { prisma } from "~/db/prisma.server";
import { createDraft, getPinnedForm } from "~/domain/applications/applications.server";
import { listDraftRows } from "~/domain/applications/draft-list.server";
import { DraftProgress } from "~/components/draft-progress";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { pick } from "~/domain/i18n/localized";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";

/** "Apply": what the resident will need, their drafts of this service to resume, or a new start. */
async function onlineService(slug: string) {
  const catalogue = await getCatalogue(prisma);
  const service = catalogue.serviceBySlug.get(slug);
  if (!service || service.delivery !== "online") throw data(null, { status: 404 });
  // Used in the cabinet, not applied for: straight there (docs/payments.md).
  if (service.details.usedAt) throw redirect(service.details.usedAt);
  return service;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const service = await onlineService(params.slug);
  const language = requestLanguage(context);
  const form = await getPinnedForm(prisma, service.id, service.currentVersion);
  const drafts = await listDraftRows(prisma, user.id, language, service.id);
  return {
    slug: service.slug,
    title: pick(service.title, language),
    steps: form.steps.map((s) => pick(s.title, language)),
    documents: service.details.documents.filter((d) => d.source === "applicant").map((d) => pick(d.title, language)),
    drafts,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const service = await onlineService(params.slug);
  const draftId = await createDraft(prisma, user.id, service.code);
  const form = await getPinnedForm(prisma, service.id, service.currentVersion);
  return redirect(`/services/${service.slug}/apply/${draftId}/${form.steps[0]!.id}`);
}

export default function StartApplication({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  return (
    <section className="max-w-3xl">
      <title>{`${t("start.title")} — ${d.title} — ${tc("layout.portalName")}`}</title>
      <Breadcrumbs items={[{ to: `/services/${d.slug}`, label: d.title }, { label: t("start.title") }]} />
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{d.title}</h1>
      {d.drafts.length > 0 && (
        <section aria-labelledby="drafts-title" className="mt-6 rounded-md border-l-4 border-brand-700 bg-white p-4">
          <h2 id="drafts-title" className="text-lg font-bold">
            {t("start.drafts")}
          </h2>
          <ul className="mt-2 space-y-2">
            {d.drafts.map((draft) => (
              <li key={draft.id}>
                <Link to={draft.href} className="font-semibold text-brand-700 underline">
                  {t("start.resume", { time: draft.savedAt })}
                </Link>
                <DraftProgress draft={draft} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mt-8 text-xl font-bold">{t("start.stepsTitle")}</h2>
      <ol className="mt-3 list-decimal space-y-1 pl-6">
        {d.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
        <li>{t("review.title")}</li>
      </ol>
      {d.documents.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-bold">{t("start.documentsTitle")}</h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {d.documents.map((doc) => (
              <li key={doc}>{doc}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-6">{t("start.prefillNote")}</p>
      <Form method="post" className="mt-6">
        <button type="submit" className="rounded-md bg-brand-700 px-6 py-3 font-semibold text-white hover:bg-brand-900">
          {d.drafts.length > 0 ? t("start.newApplication") : t("start.begin")}
        </button>
      </Form>
    </section>
  );
}
