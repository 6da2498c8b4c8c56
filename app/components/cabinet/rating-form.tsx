import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { RatingSchema } from "~/domain/applications/resident-forms";

/** The resident's rating of a decided application: the form while it may be rated, then the score given. */
export function ApplicationRating({
  canRate,
  rating,
  lastResult,
}: {
  canRate: boolean;
  rating: { score: number } | null;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("applications");
  return (
    <>
      {canRate && <RatingForm lastResult={lastResult} />}
      {rating && (
        <p className="mt-8 rounded-md bg-white p-3" data-testid="rating">
          {t("rating.given", { score: rating.score })}
        </p>
      )}
    </>
  );
}

function RatingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("applications");
  const text = useValidationText();
  const [form, fields] = useSchemaForm(RatingSchema, lastResult);
  const labels = { score: t("rating.score"), comment: t("rating.comment") };
  const { key: commentKey, ...commentProps } = getTextareaProps(fields.comment);
  return (
    <section aria-labelledby="rating-title" className="mt-8 rounded-md border border-slate-300 bg-white p-5">
      <h2 id="rating-title" className="text-xl font-bold">
        {t("rating.title")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value="rate" />
        <fieldset id={fields.score.id} tabIndex={-1}>
          <legend className="font-semibold">{labels.score}</legend>
          {fields.score.errors && (
            <p id={fields.score.errorId} className="text-sm font-semibold text-red-700">
              {labels.score}: {fields.score.errors.map(text).join("; ")}
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-3">
            {[1, 2, 3, 4, 5].map((score) => (
              <label key={score} className="flex items-center gap-2 rounded-md border border-slate-400 px-3 py-2">
                <input
                  type="radio"
                  name={fields.score.name}
                  value={score}
                  // Without JavaScript a refused comment comes back with the score still chosen.
                  defaultChecked={fields.score.initialValue === String(score)}
                  className="size-5"
                />
                <span>{t(`rating.label${score}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={fields.comment.id} className="block font-semibold">
            {labels.comment} ({t("optional")})
          </label>
          <textarea
            key={commentKey}
            {...commentProps}
            rows={3}
            className="block w-full rounded-md border border-slate-500 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("rating.send")}
        </button>
      </Form>
    </section>
  );
}
