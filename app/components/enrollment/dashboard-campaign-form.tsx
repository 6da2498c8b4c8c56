import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { CampaignFormSchema, INSTANT_FIELDS, type InstantField } from "~/domain/enrollment/campaign-forms";

/*
 * The campaign's settings, the form of /admin/campaigns (add the next year) and
 * /admin/campaigns/<year> (change one): the four instants as a date and a time in Moscow time, and
 * the schools per child per stage. Validated by the same schema in the browser and on the server;
 * after a refusal every field keeps what was typed.
 */

export function CampaignForm({
  defaultValue,
  lastResult,
  mode,
  submitLabel,
}: {
  defaultValue: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  /** "create": the year is asked; "update": it is the page's. */
  mode: "create" | "update";
  submitLabel: string;
}) {
  const { t } = useTranslation("enrollment");
  const [form, fields] = useSchemaForm(CampaignFormSchema, lastResult, defaultValue);
  const labels: Record<string, string> = { year: t("campaignAdmin.fields.year") };
  for (const instant of INSTANT_FIELDS) {
    labels[`${instant}Date`] = t("campaignAdmin.fields.date", { instant: t(`campaignAdmin.instants.${instant}`) });
    labels[`${instant}Time`] = t("campaignAdmin.fields.time", { instant: t(`campaignAdmin.instants.${instant}`) });
  }
  labels.schoolsPerChildStage1 = t("campaignAdmin.fields.schoolsPerChild", { stage: 1 });
  labels.schoolsPerChildStage2 = t("campaignAdmin.fields.schoolsPerChild", { stage: 2 });
  const dateOf = (instant: InstantField) => fields[`${instant}Date`];
  const timeOf = (instant: InstantField) => fields[`${instant}Time`];
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl space-y-6">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      {mode === "create" ? (
        <TextField field={fields.year} label={labels.year!} type="number" width="w-32" />
      ) : (
        <>
          <input type="hidden" name="year" value={defaultValue.year} />
          <input type="hidden" name="version" value={defaultValue.version} />
        </>
      )}
      <p id="campaign-time-hint" className="text-sm text-muted">
        {t("campaignAdmin.timeHint")}
      </p>
      {INSTANT_FIELDS.map((instant) => (
        <fieldset key={instant} className="rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-lg font-bold">{t(`campaignAdmin.instants.${instant}`)}</legend>
          <div className="flex flex-wrap gap-4">
            <TextField
              field={dateOf(instant)}
              label={t("campaignAdmin.date")}
              type="date"
              width=""
              sharedHintId="campaign-time-hint"
            />
            <TextField
              field={timeOf(instant)}
              label={t("campaignAdmin.time")}
              type="time"
              width="w-32"
              sharedHintId="campaign-time-hint"
            />
          </div>
        </fieldset>
      ))}
      <fieldset className="rounded-md border border-slate-300 p-4">
        <legend className="px-1 text-lg font-bold">{t("campaignAdmin.schoolsPerChild")}</legend>
        <p id="schools-per-child-hint" className="text-sm text-muted">
          {t("campaignAdmin.schoolsPerChildHint")}
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {([1, 2] as const).map((stage) => (
            <TextField
              key={stage}
              field={fields[`schoolsPerChildStage${stage}`]}
              label={t("campaignAdmin.stageN", { stage })}
              type="number"
              width="w-24"
              sharedHintId="schools-per-child-hint"
            />
          ))}
        </div>
      </fieldset>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
        {submitLabel}
      </button>
    </Form>
  );
}
