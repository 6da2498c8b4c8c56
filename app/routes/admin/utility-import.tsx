import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/utility-import";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { ErrorSummary, SelectField, useValidationText } from "~/components/form-field";
import { KeysetPager } from "~/components/keyset-pager";
import { PageTitle } from "~/components/page-title";
import { keysetHref } from "~/components/page-links";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { BillUploadSchema, MAX_BILLS_PER_REQUEST } from "~/domain/payments/bill-import";
import { importBills, listBillImports, listUtilityProviders } from "~/domain/payments/bill-import.server";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * An administrator uploads a provider's bills as CSV (docs/payments.md, "Import"): the same import as the
 * provider's signed API, then the import's report page. The recent imports of every provider and channel
 * are listed below, newest first, a page at a time.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const language = requestLanguage(context);
  const before = new URL(request.url).searchParams.get("before") ?? "";
  const [providers, { imports, next }] = await Promise.all([
    listUtilityProviders(prisma),
    listBillImports(prisma, /^[0-9a-f-]{36}$/.test(before) ? before : undefined),
  ]);
  return {
    maxBills: MAX_BILLS_PER_REQUEST,
    providers: providers.map((p) => ({ value: p.code, label: language === "en" ? p.nameEn : p.nameRu })),
    imports: imports.map((i) => ({
      id: i.id,
      receivedAt: formatDateTime(i.receivedAt, language),
      provider: language === "en" ? i.provider.nameEn : i.provider.nameRu,
      channel: i.channel === "api" ? ("api" as const) : ("csv" as const),
      taken: i.taken,
      repeated: i.repeated,
      refused: i.refused,
    })),
    next: next ? keysetHref({}, "before", next, { path: "/admin/utility/import" }) : null,
  };
}

/** The file's text; null when it is not UTF-8 (a spreadsheet saved as "CSV (Windows)"). */
async function fileText(file: File): Promise<string | null> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: BillUploadSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { provider, file } = submission.value;
  const refuse = (field: "provider" | "file", message: string) =>
    data(submission.reply({ fieldErrors: { [field]: [message] } }), { status: 400 });
  const csv = await fileText(file);
  if (csv === null) return refuse("file", validationMessage("payments-admin:upload.notUtf8"));
  const result = await importBills(prisma, {
    providerCode: provider,
    channel: "csv",
    csv,
    now: new Date(),
    actorId: admin.id,
  });
  if (!result.ok) {
    if (result.error === "unknown-provider")
      return refuse("provider", validationMessage("payments-admin:upload.unknownProvider"));
    return refuse("file", validationMessage(`payments-admin:upload.${result.error}`, result.params));
  }
  return redirect(`/admin/utility/imports/${result.importId}`);
}

export default function UtilityImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("payments-admin");
  const { t: ts } = useTranslation("staff");
  return (
    <section>
      <Breadcrumbs items={[{ to: "/admin", label: ts("admin.title") }, { label: t("import.title") }]} />
      <PageTitle title={t("import.title")} />
      <p className="mt-3 max-w-3xl">{t("import.lead")}</p>
      <p className="mt-2 max-w-3xl">{t("import.columns", { max: loaderData.maxBills })}</p>
      <pre className="mt-2 max-w-full overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" tabIndex={0}>
        {t("import.example")}
      </pre>
      <h2 className="mt-10 text-xl font-bold">{t("import.formTitle")}</h2>
      <UploadForm providers={loaderData.providers} lastResult={actionData} />
      <RecentImports imports={loaderData.imports} next={loaderData.next} />
    </section>
  );
}

function UploadForm({
  providers,
  lastResult,
}: {
  providers: { value: string; label: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payments-admin");
  const text = useValidationText();
  const [form, fields] = useSchemaForm(BillUploadSchema, lastResult);
  const labels = { provider: t("import.provider"), file: t("import.file") };
  const file = fields.file;
  const hintId = `${file.id}-hint`;
  const { key, ...fileProps } = getInputProps(file, { type: "file", ariaDescribedBy: hintId });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 max-w-3xl space-y-5">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <SelectField
        field={fields.provider}
        label={labels.provider}
        options={providers}
        placeholder={t("import.providerPlaceholder")}
      />
      <div className="space-y-1">
        <label htmlFor={file.id} className="block font-semibold">
          {labels.file}
        </label>
        <p id={hintId} className="text-sm text-muted">
          {t("import.fileHint")}
        </p>
        {file.errors && (
          <p id={file.errorId} className="text-sm font-semibold text-red-700">
            {labels.file}: {file.errors.map(text).join("; ")}
          </p>
        )}
        <input key={key} {...fileProps} accept=".csv,text/csv" className="block" />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
        {t("import.submit")}
      </button>
    </Form>
  );
}

type ImportRow = Route.ComponentProps["loaderData"]["imports"][number];

function RecentImports({ imports, next }: { imports: ImportRow[]; next: string | null }) {
  const { t } = useTranslation("payments-admin");
  const cells: Omit<Column<ImportRow>, "header">[] = [
    { id: "receivedAt", className: "whitespace-nowrap", cell: (i) => i.receivedAt },
    { id: "provider", cell: (i) => i.provider },
    { id: "channel", cell: (i) => t(`import.channel.${i.channel}`) },
    { id: "taken", numeric: true, cell: (i) => i.taken },
    { id: "repeated", numeric: true, cell: (i) => i.repeated },
    { id: "refused", numeric: true, cell: (i) => i.refused },
    {
      id: "report",
      cell: (i) => (
        <Link to={`/admin/utility/imports/${i.id}`} className="text-brand-700 underline">
          {t("import.openReport")}
          {/* Each link says which import it opens, to those who hear the links listed. */}
          <span className="sr-only"> {t("import.openReportOf", { receivedAt: i.receivedAt })}</span>
        </Link>
      ),
    },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`import.headers.${column.id}`) }));
  return (
    <>
      <h2 className="mt-10 text-xl font-bold">{t("import.recentTitle")}</h2>
      {imports.length === 0 ? (
        <p className="mt-3">{t("import.none")}</p>
      ) : (
        <DataTable
          caption={t("import.recentCaption")}
          captionId="recent-imports-caption"
          columns={columns}
          rows={imports}
          rowKey={(i) => i.id}
          focusable
          className="mt-3"
        />
      )}
      <KeysetPager next={next} label={t("import.earlier")} />
    </>
  );
}
