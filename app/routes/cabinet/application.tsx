import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/application";
import { AnswerForm } from "~/components/answer-form";
import { AnswerSummary } from "~/components/answer-summary";
import { ResidentApplicationHeader } from "~/components/cabinet/application-header";
import { ResidentMessages, ResidentTimeline } from "~/components/cabinet/application-history";
import { ApplicationRating } from "~/components/cabinet/rating-form";
import { EnrollmentResultPanel } from "~/components/enrollment/result-panel";
import { EnrollmentStanding } from "~/components/enrollment-standing";
import { PackageMeasures } from "~/components/social/package-measures";
import { prisma } from "~/db/prisma.server";
import { findOwnApplicationId, findOwnMeasureCaseId } from "~/domain/applications/applications.server";
import { rateApplication } from "~/domain/applications/ratings.server";
import { answerRequest, type PostedAnswer } from "~/domain/applications/resident-actions.server";
import { InfoAnswerSchema, parseResidentIntent, RatingSchema } from "~/domain/applications/resident-forms";
import { openResidentApplication } from "~/domain/applications/resident-page.server";
import { postedText } from "~/domain/office/office-intents";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const page = await openResidentApplication(prisma, { applicantId: user.id, number: params.number, language });
  if (!page) throw data(null, { status: 404 });
  const url = new URL(request.url);
  return { ...page, submitted: url.searchParams.has("submitted"), notice: url.searchParams.get("notice") };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const applicationId = await findOwnApplicationId(prisma, user.id, params.number);
  if (!applicationId) throw data(null, { status: 404 });
  const formData = await readFormData(request);
  const here = `/cabinet/applications/${params.number}`;
  // Two forms share the page, told apart by their intent (resident-forms.ts).
  const intent = parseResidentIntent(formData.get("intent"));
  if (!intent) throw data(null, { status: 400 });

  if (intent === "rate") {
    const submission = parseWithZod(formData, { schema: RatingSchema });
    if (submission.status !== "success") return data({ rate: submission.reply() }, { status: 400 });
    await rateApplication(prisma, {
      applicantId: user.id,
      applicationId,
      score: submission.value.score,
      comment: postedText(submission.value.comment),
    });
    return redirect(`${here}?notice=rated`);
  }

  // A package's page answers for one of its measures' cases, named by its number (docs/social-support.md).
  const measureValue = formData.get("measure");
  const measure = typeof measureValue === "string" && measureValue ? measureValue : null;
  const target = measure ? await findOwnMeasureCaseId(prisma, user.id, applicationId, measure) : applicationId;
  if (!target) throw data(null, { status: 404 });
  // The new files are judged by their bytes in the domain, not by the schema, and are never sent back.
  const files = formData
    .getAll("files")
    .flatMap((e) => (e instanceof File && !(e.size === 0 && e.name === "") ? [e] : []));
  formData.delete("files");
  const submission = parseWithZod(formData, { schema: InfoAnswerSchema });
  const answer: PostedAnswer =
    submission.status === "success"
      ? { status: "success", value: { text: postedText(submission.value.text) ?? "", files } }
      : { status: "error" };
  const result = await answerRequest(prisma, { applicantId: user.id, applicationId: target, answer });
  switch (result.status) {
    case "ok":
      return redirect(`${here}?notice=answered`);
    case "not-found":
      throw data(null, { status: 404 });
    case "conflict":
      return redirect(`${here}?notice=changed`);
    case "invalid": {
      const fieldErrors: Record<string, string[]> = result.fileErrors.length > 0 ? { files: result.fileErrors } : {};
      return data({ answer: submission.reply({ fieldErrors, hideFields: ["files"] }), measure }, { status: 400 });
    }
  }
}

export default function ApplicationPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const canAnswer = d.commands.includes("provideInfo") || d.commands.includes("correct");
  const lastRequest = [...d.messages].reverse().find((m) => m.author === "department");
  // The answer form that was posted gets its reply back: the package's own, or one measure's.
  const answerReply = (measure: string | null) =>
    actionData && "answer" in actionData && actionData.measure === measure ? actionData.answer : null;
  return (
    <section className="max-w-4xl">
      <ResidentApplicationHeader view={d} />

      {d.result ? (
        <EnrollmentResultPanel result={d.result} number={d.number} />
      ) : (
        d.enrollment && <EnrollmentStanding standing={d.enrollment} />
      )}

      {d.package && <PackageMeasures view={d.package} />}
      {d.package?.kind === "package" &&
        d.package.measures.flatMap((m) =>
          m.request && !m.own
            ? [
                <AnswerForm
                  key={m.number}
                  request={m.request}
                  measure={{ number: m.number, title: m.title }}
                  lastResult={answerReply(m.number)}
                />,
              ]
            : [],
        )}

      {canAnswer && lastRequest && <AnswerForm request={lastRequest.text} lastResult={answerReply(null)} />}

      <ResidentMessages messages={d.messages} department={d.department} />
      <ResidentTimeline events={d.timeline} />
      <ApplicationRating
        canRate={d.canRate}
        rating={d.rating}
        lastResult={actionData && "rate" in actionData ? actionData.rate : null}
      />

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
