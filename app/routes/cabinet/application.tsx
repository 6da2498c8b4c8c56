import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { AnswerForm } from "~/components/answer-form";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/application";
import { AnswerSummary } from "~/components/answer-summary";
import { ErrorSummary, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { StatusBadge } from "~/components/status-badge";
import { prisma } from "~/db/prisma.server";
import { getApplicationPage } from "~/domain/applications/application-view.server";
import { findOwnApplicationId, findOwnMeasureCaseId } from "~/domain/applications/applications.server";
import { markApplicationRead } from "~/domain/applications/notifications.server";
import { rateApplication } from "~/domain/applications/ratings.server";
import { RatingSchema } from "~/domain/applications/resident-forms";
import { answerRequest } from "~/domain/applications/resident-actions.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { EnrollmentStanding } from "~/components/enrollment-standing";
import { PackageMeasures } from "~/components/social/package-measures";
import { EnrollmentResultPanel } from "~/components/enrollment/result-panel";
import { enrollmentResultView } from "~/domain/enrollment/enrollment-results.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const page = await getApplicationPage(prisma, { applicantId: user.id, number: params.number, language });
  if (!page) throw data(null, { status: 404 });
  await markApplicationRead(prisma, user.id, page.id);
  const url = new URL(request.url);
  // First-grade enrollment: "enrolled by order № … of …", or the offer after a refusal for lack of places.
  const result = await enrollmentResultView(prisma, page.id, language);
  return { ...page, result, submitted: url.searchParams.has("submitted"), notice: url.searchParams.get("notice") };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const applicationId = await findOwnApplicationId(prisma, user.id, params.number);
  if (!applicationId) throw data(null, { status: 404 });
  const application = { id: applicationId };
  const formData = await readFormData(request);
  const here = `/cabinet/applications/${params.number}`;

  if (formData.get("intent") === "rate") {
    const submission = parseWithZod(formData, { schema: RatingSchema });
    if (submission.status !== "success") return data({ rate: submission.reply() }, { status: 400 });
    await rateApplication(prisma, {
      applicantId: user.id,
      applicationId: application.id,
      score: submission.value.score,
      comment: submission.value.comment as string | undefined,
    });
    return redirect(`${here}?notice=rated`);
  }

  // A package's page answers for one of its measures' cases, named by its number (docs/social-support.md).
  const measure = formData.get("measure");
  const target =
    typeof measure === "string" && measure
      ? await findOwnMeasureCaseId(prisma, user.id, application.id, measure)
      : application.id;
  if (!target) throw data(null, { status: 404 });
  const result = await answerRequest(prisma, { applicantId: user.id, applicationId: target, formData });
  if (result.status === "invalid")
    return data({ answer: result.reply, measure: typeof measure === "string" ? measure : null }, { status: 400 });
  if (result.status === "not-found") throw data(null, { status: 404 });
  if (result.status === "conflict") return redirect(`${here}?notice=changed`);
  return redirect(`${here}?notice=answered`);
}

export default function ApplicationPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  const { t: te } = useTranslation("enrollment");
  const canAnswer = d.commands.includes("provideInfo") || d.commands.includes("correct");
  const lastRequest = [...d.messages].reverse().find((m) => m.author === "department");
  return (
    <section className="max-w-4xl">
      <title>{`${t("page.title", { number: d.number })} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/cabinet/applications" className="text-brand-700 underline">
          {t("list.title")}
        </Link>
      </p>
      {d.submitted && (
        <div
          role="status"
          className="mt-4 rounded-md border-4 border-green-700 bg-green-50 p-5"
          data-testid="confirmation"
        >
          <p className="text-2xl font-bold text-green-900">{t("confirmation.title")}</p>
          <p className="mt-2 text-lg">
            {t("confirmation.number")} <strong className="text-2xl tracking-wide">{d.number}</strong>
          </p>
          {/* First grade: the order's own deadline, not the service's (docs/enrollment.md, "Deadlines"). */}
          {d.deadline && (
            <p className="mt-2">
              {d.enrollment
                ? te(`stumbles.orderDeadline.stage${d.enrollment.stage === 2 ? 2 : 1}`, { date: d.deadline })
                : t("confirmation.deadline", { date: d.deadline, days: d.deadlineDays })}
            </p>
          )}
          <h2 className="mt-4 font-bold">{t("confirmation.nextTitle")}</h2>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            <li>{t("confirmation.next1", { department: d.department })}</li>
            <li>{t("confirmation.next2")}</li>
            <li>{t("confirmation.next3")}</li>
          </ul>
        </div>
      )}
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${d.notice}`, { defaultValue: "" })}
        </p>
      )}
      <h1 className="mt-4 text-2xl font-bold text-brand-900 sm:text-3xl">{d.service.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={d.status} />
        <span className="text-muted">{t("page.number", { number: d.number })}</span>
      </div>
      <dl className="mt-5 grid gap-4 sm:grid-cols-3">
        <Fact term={t("page.receivedAt")}>{d.receivedAt}</Fact>
        <Fact term={t("page.department")}>{d.department}</Fact>
        <Fact term={t("page.deadline")}>
          {d.deadline}
          {d.workingDaysLeft !== null && (
            <span data-testid="days-left" className="block text-sm text-muted">
              {d.workingDaysLeft >= 0
                ? t("page.daysLeft", { count: d.workingDaysLeft })
                : t("page.overdue", { count: -d.workingDaysLeft })}
            </span>
          )}
        </Fact>
      </dl>

      {d.result ? (
        <EnrollmentResultPanel result={d.result} number={d.number} />
      ) : (
        d.enrollment && <EnrollmentStanding standing={d.enrollment} />
      )}

      {d.package && <PackageMeasures view={d.package} />}
      {d.package?.kind === "package" &&
        d.package.measures
          .filter((m) => m.request && !m.own)
          .map((m) => (
            <AnswerForm
              key={m.number}
              request={m.request!}
              measure={{ number: m.number, title: m.title }}
              lastResult={
                actionData && "answer" in actionData && actionData.measure === m.number ? actionData.answer : null
              }
            />
          ))}

      {canAnswer && lastRequest && (
        <AnswerForm
          request={lastRequest.text}
          lastResult={actionData && "answer" in actionData && !actionData.measure ? actionData.answer : null}
        />
      )}

      {d.messages.length > 0 && (
        <section aria-labelledby="messages-title" className="mt-8">
          <h2 id="messages-title" className="text-xl font-bold">
            {t("page.messages")}
          </h2>
          <ul className="mt-3 space-y-3">
            {d.messages.map((m) => (
              <li
                key={m.id}
                className={`rounded-md border p-3 ${m.author === "department" ? "border-brand-700 bg-white" : "border-slate-300 bg-slate-50"}`}
              >
                <p className="text-sm font-semibold">
                  {m.author === "department" ? d.department : t("page.you")} · {m.at}
                </p>
                <p className="mt-1 whitespace-pre-line">{m.text}</p>
                {m.files.map((f) => (
                  <a key={f.id} href={`/documents/${f.id}`} className="mt-1 block text-brand-700 underline">
                    {f.name}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="text-xl font-bold">
          {t("page.timeline")}
        </h2>
        <ol className="mt-3 space-y-3 border-l-4 border-brand-100 pl-4" data-testid="timeline">
          {d.timeline.map((e) => (
            <li key={e.id}>
              <p className="font-semibold">{t(`status.${e.status}`)}</p>
              {e.measure && <p>{e.measure}</p>}
              <p className="text-sm text-muted">{e.at}</p>
            </li>
          ))}
        </ol>
      </section>

      {d.canRate && <RatingForm lastResult={actionData && "rate" in actionData ? actionData.rate : null} />}
      {d.rating && (
        <p className="mt-8 rounded-md bg-white p-3" data-testid="rating">
          {t("rating.given", { score: d.rating.score })}
        </p>
      )}

      <section aria-labelledby="answers-title" className="mt-10">
        <h2 id="answers-title" className="text-xl font-bold">
          {t("page.answers")}
        </h2>
        <div className="mt-4">
          <AnswerSummary sections={d.sections} />
        </div>
      </section>

      {d.commands.includes("withdraw") && (
        <p className="mt-10">
          <Link to={`/cabinet/applications/${d.number}/withdraw`} className="font-semibold text-red-800 underline">
            {t("withdraw.link")}
          </Link>
        </p>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-300 bg-white p-3">
      <dt className="text-sm font-semibold text-muted">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
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
                <input type="radio" name={fields.score.name} value={score} className="size-5" />
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
