import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/campaigns";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { CampaignForm } from "~/components/enrollment/dashboard-campaign-form";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignFormValues, campaignOfForm, CampaignFormSchema } from "~/domain/enrollment/campaign-forms";
import { listCampaigns, nextCampaign, saveCampaign } from "~/domain/enrollment/campaign-store.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * First-grade campaigns by year (docs/enrollment.md, "The ministry's dashboard and the campaign's
 * settings"): each year's instants and schools per child, and the form to add the next year's with
 * the federal dates filled in. Administrators only.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const language = requestLanguage(context);
  const [campaigns, next] = await Promise.all([listCampaigns(prisma), nextCampaign(prisma)]);
  const saved = Number(new URL(request.url).searchParams.get("saved"));
  return {
    campaigns: campaigns.map((c) => ({
      year: c.year,
      stage1: [formatDateTime(c.stage1OpensAt, language), formatDateTime(c.stage1EndsAt, language)],
      stage2: [formatDateTime(c.stage2OpensAt, language), formatDateTime(c.stage2EndsAt, language)],
      schoolsPerChild: [c.schoolsPerChild[1], c.schoolsPerChild[2]],
    })),
    saved: campaigns.some((c) => c.year === saved) ? saved : null,
    next: campaignFormValues(next),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: CampaignFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const built = campaignOfForm(submission.value);
  if (!built.ok) return data(submission.reply(), { status: 400 });
  const saved = await saveCampaign(prisma, { campaign: built.campaign, mode: "create", actorId: admin.id });
  if (!saved.ok) {
    const message = validationMessage(`enrollment:campaignAdmin.errors.${saved.error}`, {
      year: submission.value.year,
    });
    return data(submission.reply({ fieldErrors: { year: [message] } }), {
      status: saved.error === "exists" ? 409 : 400,
    });
  }
  return redirect(`/admin/campaigns?saved=${submission.value.year}`);
}

export default function Campaigns({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: ts } = useTranslation("staff");
  const { campaigns, saved, next } = loaderData;
  const location = useLocation();
  const cells: Omit<Column<(typeof campaigns)[number]>, "header">[] = [
    { id: "year", rowHeader: true, cell: (c) => c.year },
    { id: "stage1", cell: (c) => t("dashboard.dates.range", { from: c.stage1[0], to: c.stage1[1] }) },
    { id: "stage2", cell: (c) => t("dashboard.dates.range", { from: c.stage2[0], to: c.stage2[1] }) },
    {
      id: "schoolsPerChild",
      cell: (c) =>
        t("dashboard.dates.schoolsPerChildValue", { stage1: c.schoolsPerChild[0], stage2: c.schoolsPerChild[1] }),
    },
    {
      id: "actions",
      cell: (c) => (
        <Link to={`/admin/campaigns/${c.year}`} className="text-brand-700 underline">
          {t("campaignAdmin.edit")}
          <span className="sr-only"> {t("campaignAdmin.ofYear", { year: c.year })}</span>
        </Link>
      ),
    },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`campaignAdmin.columns.${column.id}`) }));
  return (
    <section>
      <Breadcrumbs items={[{ to: "/admin", label: ts("admin.title") }, { label: t("campaignAdmin.title") }]} />
      <PageTitle title={t("campaignAdmin.title")} />
      <p className="mt-3 max-w-3xl">{t("campaignAdmin.lead")}</p>
      {saved && (
        <p role="status" className="mt-6 max-w-3xl rounded-md border-2 border-green-700 bg-green-50 p-3">
          {t("campaignAdmin.saved", { year: saved })}
        </p>
      )}
      {campaigns.length === 0 ? (
        <p className="mt-6">{t("campaignAdmin.none")}</p>
      ) : (
        <DataTable
          caption={t("campaignAdmin.caption")}
          captionId="campaigns-caption"
          columns={columns}
          rows={campaigns}
          rowKey={(c) => c.year}
          rowData={(c) => ({ "data-year": c.year })}
          focusable
          testId="campaigns"
          className="mt-6"
        />
      )}
      <h2 id="add" className="mt-10 text-xl font-bold">
        {t("campaignAdmin.addTitle")}
      </h2>
      <p className="mt-2 max-w-3xl">{t("campaignAdmin.addLead")}</p>
      {/* A fresh form after every navigation: the next year's defaults again after a save. */}
      <CampaignForm
        key={location.key}
        mode="create"
        defaultValue={next}
        lastResult={actionData}
        submitLabel={t("campaignAdmin.add")}
      />
    </section>
  );
}
