import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/step";
import { ErrorSummary } from "~/components/form-field";
import { useStepErrors } from "~/components/forms/step-errors";
import { StepFields } from "~/components/forms/step-fields";
import { useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { nextStepId, previousStepId, storableAnswers, toFormDefaults } from "~/domain/applications/answers";
import {
  askedFields,
  clearAnswersNoLongerAsked,
  loadDraftStep,
  stepErrors,
  stepValues,
} from "~/domain/applications/apply.server";
import { childCertificateFills } from "~/domain/applications/draft-prefill";
import { textAnswers } from "~/domain/applications/posted-text";
import { saveDraftAnswers } from "~/domain/applications/applications.server";
import { keepPendingAnswers, restorePendingAnswers } from "~/domain/applications/pending-answers.server";
import { storeStepFiles } from "~/domain/applications/step-input.server";
import { stepSchema } from "~/domain/forms/form-schema";
import { pick } from "~/domain/i18n/localized";
import { removeUpload } from "~/domain/uploads/uploads.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { getOptionalUser, requireUser, sessionToken } from "~/server/auth.server";
import { endedSessionOwner } from "~/domain/accounts/sessions.server";
import { readFormData } from "~/server/form-data.server";

const stepUrl = (slug: string, draftId: string, step: string) => `/services/${slug}/apply/${draftId}/${step}`;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const restore = url.searchParams.get("restore");
  if (restore) {
    // Answers typed while the session was over: merge them, then show the step without the token.
    await restorePendingAnswers(prisma, { applicantId: user.id, applicationId: params.draftId, token: restore });
    url.searchParams.delete("restore");
    url.searchParams.set("restored", "1");
    throw redirect(url.pathname + url.search);
  }
  const view = await loadDraftStep(prisma, {
    applicantId: user.id,
    slug: params.slug,
    draftId: params.draftId,
    stepId: params.stepId,
    language: requestLanguage(context),
  });
  if (!view) throw data(null, { status: 404 });
  return {
    ...view,
    returnToReview: url.searchParams.get("return") === "review",
    restored: url.searchParams.has("restored"),
    // After "submit" found a mistake here: show the errors at once.
    check: url.searchParams.has("check") ? stepErrors(view.step, view.answers, view.context) : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await getOptionalUser(request);
  const formData = await readFormData(request);
  const here = stepUrl(params.slug, params.draftId, params.stepId);
  if (!user) {
    // The session ended while the resident was typing: keep what they typed, for that account only,
    // until they sign in. A post with no ended session of anyone's keeps nothing.
    const ended = await sessionToken(request);
    const owner = ended ? await endedSessionOwner(prisma, ended) : null;
    if (!owner) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
    const token = await keepPendingAnswers(prisma, {
      userId: owner,
      applicationId: params.draftId,
      step: params.stepId,
      answers: textAnswers(formData),
    });
    throw redirect(`/login?redirectTo=${encodeURIComponent(`${here}?restore=${token}`)}&notice=expired`);
  }
  const view = await loadDraftStep(prisma, {
    applicantId: user.id,
    slug: params.slug,
    draftId: params.draftId,
    stepId: params.stepId,
    language: "ru",
  });
  if (!view) throw data(null, { status: 404 });
  const step = view.step;
  // Without JavaScript: the chosen child's birth certificate, where the field was left empty.
  for (const [name, value] of Object.entries(childCertificateFills(step, (n) => formData.get(n), view.children))) {
    formData.set(name, value);
  }

  // Files of a field not asked are not stored (the schema drops its answer too).
  const asked = askedFields(step, (name) => formData.getAll(name), view.context);
  const uploadErrors = await storeStepFiles(prisma, {
    ownerId: user.id,
    applicationId: params.draftId,
    step: { ...step, fields: asked.filter((f) => f.kind === "file") },
    formData,
  });
  const submission = parseWithZod(formData, { schema: stepSchema(step, view.context) });
  const values = stepValues(step, submission, view.context);
  const intentValue = formData.get("intent");
  const intent = typeof intentValue === "string" ? intentValue : "continue";

  if (intent.startsWith("remove-file:")) {
    const uploadId = intent.slice("remove-file:".length);
    await removeUpload(prisma, user.id, uploadId);
    for (const field of step.fields) {
      const value = values[field.name];
      if (field.kind === "file" && Array.isArray(value))
        values[field.name] = value.filter((v) => v !== `upload:${uploadId}`);
      else if (field.kind === "file" && value === `upload:${uploadId}`) values[field.name] = undefined;
    }
    await saveDraftAnswers(prisma, user.id, params.draftId, values, step.id);
    return redirect(here + new URL(request.url).search);
  }

  const valid = submission.status === "success" && Object.keys(uploadErrors).length === 0;
  const returnToReview = new URL(request.url).searchParams.get("return") === "review";
  const next = (returnToReview ? null : nextStepId(view.form, step.id)) ?? "review";
  // The draft resumes where the resident has to go on: the next step once this one is right.
  const currentStep = valid && intent !== "save" ? next : step.id;
  await saveDraftAnswers(prisma, user.id, params.draftId, values, currentStep);
  // Answers of later steps that depend on this one and are no longer asked go (with their files).
  await clearAnswersNoLongerAsked(prisma, {
    applicantId: user.id,
    draftId: params.draftId,
    form: view.form,
    before: view.answers,
    after: { ...view.answers, ...values },
    currentStep,
  });
  // A value the draft could not keep (too long, control characters) is said, not silently lost.
  const { refused } = storableAnswers(step.fields, values);
  if (intent === "save" && Object.keys(refused).length === 0) return redirect("/cabinet/applications?saved=1");
  if (valid) return redirect(stepUrl(params.slug, params.draftId, next));

  const fieldErrors: Record<string, string[]> = {
    ...refused,
    ...(submission.status === "success" ? {} : (submission.error as Record<string, string[]>)),
  };
  for (const [name, messages] of Object.entries(uploadErrors)) {
    // The file was refused, so the schema found the field empty: say what was wrong with the file.
    fieldErrors[name] = messages;
  }
  const fileFields = step.fields.filter((f) => f.kind === "file").map((f) => f.name);
  return data(submission.reply({ fieldErrors, hideFields: fileFields }), { status: 400 });
}

export default function ApplicationStep(props: Route.ComponentProps) {
  // A new step is a new form: Conform starts again from that step's answers.
  const { draftId, step } = props.loaderData;
  return <StepForm key={`${draftId}/${step.id}`} {...props} />;
}

function StepForm({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  const d = loaderData;
  const schema = useMemo(() => stepSchema(d.step, d.context), [d.step, d.context]);
  const defaults = useMemo(() => toFormDefaults(d.step.fields, d.answers), [d.step, d.answers]);
  const lastResult = (actionData ?? d.check) as SubmissionResult<string[]> | null | undefined;
  const [form, fields] = useSchemaForm(schema, lastResult, defaults as Record<string, string | undefined>);
  const { labels, errors } = useStepErrors(d.step, fields, d.language);
  const title = pick(d.step.title, d.language);
  const previous = previousStepId(d.form, d.step.id);
  const here = stepUrl(d.slug, d.draftId, d.step.id);
  const hasFiles = d.step.fields.some((f) => f.kind === "file");
  const action = d.returnToReview ? `${here}?return=review` : here;

  return (
    <section className="max-w-3xl">
      <title>{`${errors.length > 0 ? `${t("errorTitlePrefix")}: ` : ""}${title} — ${d.serviceTitle} — ${tc("layout.portalName")}`}</title>
      <p className="text-sm text-muted">{d.serviceTitle}</p>
      <p className="mt-1 font-semibold text-brand-900" data-testid="step-progress">
        {t("progress", { current: d.stepIndex + 1, total: d.stepCount })}
      </p>
      <progress
        className="mt-2 h-2 w-full max-w-md accent-brand-700"
        max={d.stepCount}
        value={d.stepIndex + 1}
        aria-label={t("progress", { current: d.stepIndex + 1, total: d.stepCount })}
      />
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">{title}</h1>
      {d.savedAt && (
        <p className="mt-2 text-sm text-muted" data-testid="saved-at">
          {t("savedAt", { time: d.savedAt })}
        </p>
      )}
      {d.restored && (
        <p role="status" className="mt-3 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("restored")}
        </p>
      )}
      {d.formChanged && (
        <p className="mt-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">{t("pinnedVersion")}</p>
      )}
      <Form
        method="post"
        action={action}
        encType={hasFiles ? "multipart/form-data" : undefined}
        {...getFormProps(form)}
        className="mt-6 space-y-6"
      >
        <ErrorSummary errors={errors} labels={labels} formErrors={form.errors} />
        <StepFields
          form={form}
          fields={fields as never}
          definition={d.form}
          step={d.step}
          saved={d.context.answers}
          language={d.language}
          childChoices={d.children}
          files={d.files}
          addChildHref={`/cabinet/children/new?redirectTo=${encodeURIComponent(here)}`}
        />
        <div className="flex flex-wrap items-center gap-4 pt-2">
          <button
            type="submit"
            name="intent"
            value="continue"
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {d.returnToReview ? t("saveAndReturn") : t("continue")}
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            formNoValidate
            className="rounded-md border-2 border-brand-700 px-5 py-3 font-semibold text-brand-700"
          >
            {t("saveForLater")}
          </button>
          {previous && (
            <Link to={stepUrl(d.slug, d.draftId, previous)} className="text-brand-700 underline">
              {t("back")}
            </Link>
          )}
        </div>
        <p className="text-sm text-muted">{t("autosaveNote")}</p>
      </Form>
    </section>
  );
}
