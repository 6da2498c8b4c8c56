import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import type { Route } from "./+types/campaign";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CampaignForm } from "~/components/enrollment/dashboard-campaign-form";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignFormValues, campaignOfForm, CampaignFormSchema } from "~/domain/enrollment/campaign-forms";
import { findCampaign, saveCampaign } from "~/domain/enrollment/campaign-store.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * One year's first-grade campaign for administrators (docs/enrollment.md, "The ministry's dashboard
 * and the campaign's settings"): the four instants in Moscow time and the schools per child per
 * stage. Saving is audited; drafts scheduled for an opening that moved wait for the new instant.
 */

/** The year of the address, or null for anything that is not one (then 404). */
function yearOf(param: string | undefined): number | null {
  return param && /^\d{4}$/.test(param) ? Number(param) : null;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const year = yearOf(params.year);
  const campaign = year === null ? null : await findCampaign(prisma, year);
  if (!campaign) throw data(null, { status: 404 });
  const language = requestLanguage(context);
  return {
    year: campaign.year,
    values: campaignFormValues(campaign, campaign.updatedAt.getTime()),
    updatedAt: formatDateTime(campaign.updatedAt, language),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const year = yearOf(params.year);
  if (year === null) throw data(null, { status: 404 });
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: CampaignFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // The year is the page's: a form that names another is not this page's form.
  if (submission.value.year !== year) throw data(null, { status: 400 });
  const built = campaignOfForm(submission.value);
  if (!built.ok) return data(submission.reply(), { status: 400 });
  const saved = await saveCampaign(prisma, {
    campaign: built.campaign,
    mode: "update",
    version: submission.value.version ?? null,
    actorId: admin.id,
  });
  if (!saved.ok) {
    if (saved.error === "not-found") throw data(null, { status: 404 });
    const message = validationMessage(`enrollment:campaignAdmin.errors.${saved.error}`, { year });
    return data(submission.reply({ formErrors: [message] }), { status: saved.error === "conflict" ? 409 : 400 });
  }
  return redirect(`/admin/campaigns?saved=${year}`);
}

export default function Campaign({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: ts } = useTranslation("staff");
  const { year, values, updatedAt } = loaderData;
  return (
    <section>
      <Breadcrumbs
        items={[
          { to: "/admin", label: ts("admin.title") },
          { to: "/admin/campaigns", label: t("campaignAdmin.title") },
          { label: String(year) },
        ]}
      />
      <PageTitle title={t("campaignAdmin.editTitle", { year })} />
      <p className="mt-3 max-w-3xl">{t("campaignAdmin.editLead")}</p>
      <p className="mt-2 text-sm text-muted">{t("campaignAdmin.updatedAt", { at: updatedAt })}</p>
      <CampaignForm mode="update" defaultValue={values} lastResult={actionData} submitLabel={t("campaignAdmin.save")} />
    </section>
  );
}
