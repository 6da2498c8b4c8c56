import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import type { Route } from "./+types/territories-import";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { TerritoryImportSchema } from "~/domain/enrollment/territory-forms";
import { ANNEX_MAX_ROWS } from "~/domain/enrollment/territory-import";
import { importTerritoryAnnex } from "~/domain/enrollment/territory-import.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { TerritoryImportForm } from "./territories-import-form";
import { TerritoryImportReportView } from "./territories-import-report";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  return { year: campaignYearFor(new Date()), maxRows: ANNEX_MAX_ROWS };
}

/** The file's text; null when it is not UTF-8 (a spreadsheet saved as "CSV (Windows)"). */
async function fileText(file: File): Promise<string | null> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/*
 * Unlike the other admin forms, a successful import answers with the page itself: the report is the
 * result, and it is read once. The pasted text stays in the form, so a refused row can be corrected.
 */
export async function action({ request }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: TerritoryImportSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), report: null }, { status: 400 });
  const { year, file, csv, replace } = submission.value;
  const text = file ? await fileText(file) : (csv ?? "");
  const field = file ? "file" : "csv";
  if (text === null) {
    const result = submission.reply({ fieldErrors: { file: [validationMessage("territoryImport.notUtf8")] } });
    return data({ result, report: null }, { status: 400 });
  }
  const report = await importTerritoryAnnex(prisma, { year, csv: text, actorId: admin.id, replace: replace ?? false });
  if (!report.ok) {
    const result = submission.reply({ fieldErrors: { [field]: [validationMessage(report.error, report.params)] } });
    return data({ result, report: null }, { status: 400 });
  }
  return { result: submission.reply(), report };
}

export default function TerritoriesImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: ts } = useTranslation("staff");
  return (
    <section>
      <Breadcrumbs
        items={[
          { to: "/admin", label: ts("admin.title") },
          { to: "/admin/schools", label: t("adminSchools.title") },
          { label: t("adminImport.title") },
        ]}
      />
      <PageTitle title={t("adminImport.title")} />
      <p className="mt-3 max-w-3xl">{t("adminImport.lead")}</p>
      <p className="mt-2 max-w-3xl">{t("adminImport.columns", { max: loaderData.maxRows })}</p>
      <pre className="mt-2 max-w-3xl overflow-x-auto rounded-md bg-slate-100 p-3 text-sm">
        {t("adminImport.example")}
      </pre>
      {actionData?.report && <TerritoryImportReportView report={actionData.report} />}
      <h2 className="mt-10 text-xl font-bold">{t("adminImport.formTitle")}</h2>
      <TerritoryImportForm year={loaderData.year} lastResult={actionData?.result} />
    </section>
  );
}
