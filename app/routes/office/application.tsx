import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/application";
import { AnswerSummary } from "~/components/answer-summary";
import { ApplicationActions } from "~/components/office/application-actions";
import { ApplicationDocuments, ApplicationMessages } from "~/components/office/application-documents";
import { ApplicationHeader } from "~/components/office/application-header";
import { ConflictNotice } from "~/components/office/conflict-notice";
import { StaffNotes } from "~/components/office/staff-notes";
import { StaffTimeline } from "~/components/office/staff-timeline";
import { prisma } from "~/db/prisma.server";
import type { Command } from "~/domain/applications/lifecycle";
import { validationMessage } from "~/domain/forms/validation-message";
import {
  addStaffNote,
  assignApplication,
  getStaffApplicationPage,
  giveStaffCommand,
  takeApplication,
  type StaffActor,
} from "~/domain/office/casework.server";
import { officeSchemas, RESULT_FILE_RULES, type OfficeFormName } from "~/domain/office/office-forms";
import {
  failedActOutcome,
  invitationText,
  parseOfficeIntent,
  postedText,
  type OfficeOutcome,
} from "~/domain/office/office-intents";
import { regionDate } from "~/domain/region/clock";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const page = await getStaffApplicationPage(prisma, {
    actor: user,
    number: params.number,
    language: requestLanguage(context),
  });
  if (!page) throw data(null, { status: 404 });
  return { ...page, today: regionDate(), notice: new URL(request.url).searchParams.get("notice") };
}

type ActionReply = {
  intent: string;
  reply: SubmissionResult<string[]>;
  /** Someone else changed the application first: what this officer typed, so it is not lost. */
  conflict?: { typed: string };
  /** A command this application never takes here (a forged form): why, shown above the actions. */
  refused?: string;
};

type Schemas = ReturnType<typeof officeSchemas>;
type Case = { actor: StaffActor; number: string };
type FormRun = { submission: Submission<unknown, string[], unknown>; outcome: OfficeOutcome | null };

/** A form of the page: its schema, and the handler its valid value goes to. */
function form<S extends z.ZodType>(
  schemaOf: (schemas: Schemas) => S,
  handle: (value: z.output<S>, on: Case) => Promise<OfficeOutcome>,
) {
  return async (formData: FormData, on: Case): Promise<FormRun> => {
    const submission = parseWithZod(formData, { schema: schemaOf(officeSchemas(regionDate())) });
    return { submission, outcome: submission.status === "success" ? await handle(submission.value, on) : null };
  };
}

/** One entry per form of the page (office-forms.ts): each calls the domain once and says how it came out. */
const FORMS = {
  note: form(
    (s) => s.note,
    async (value, on) =>
      (await addStaffNote(prisma, { ...on, text: postedText(value.text) ?? "" }))
        ? { kind: "done", notice: "note" }
        : { kind: "not-found" },
  ),
  simple: form(
    (s) => s.simple,
    async (value, on) => {
      if (value.intent !== "take") return command(on, { command: value.intent, version: value.version });
      // One act: the officer's own, registered and under review when it was new (casework.server.ts).
      const result = await takeApplication(prisma, { ...on, expectedVersion: value.version });
      if (!result.ok) return failedActOutcome(result.error);
      return { kind: "done", notice: result.to === result.from ? "take" : "takeReview" };
    },
  ),
  assign: form(
    (s) => s.assign,
    async (value, on) => {
      const result = await assignApplication(prisma, {
        ...on,
        assigneeId: value.assignee,
        expectedVersion: value.version,
      });
      return result.ok ? { kind: "done", notice: "assign" } : failedActOutcome(result.error);
    },
  ),
  request: form(
    (s) => s.request,
    (value, on) => command(on, { command: value.intent, version: value.version, reason: postedText(value.reason) }),
  ),
  invite: form(
    (s) => s.invite,
    (value, on) =>
      command(on, {
        command: value.intent,
        version: value.version,
        reason: invitationText({
          visitDate: postedText(value.visitDate) ?? "",
          visitTime: value.visitTime,
          place: postedText(value.place) ?? "",
          note: postedText(value.reason),
        }),
      }),
  ),
  complete: form(
    (s) => s.complete,
    (value, on) =>
      command(on, {
        command: value.intent,
        version: value.version,
        reason: postedText(value.reason),
        resultFile: value.result instanceof File ? value.result : undefined,
      }),
  ),
  refuse: form(
    (s) => s.refuse,
    (value, on) =>
      command(on, {
        command: value.intent,
        version: value.version,
        reason: postedText(value.reason),
        ground: value.ground,
      }),
  ),
} satisfies Record<OfficeFormName, (formData: FormData, on: Case) => Promise<FormRun>>;

/** A lifecycle command through the casework, and what its result means for the officer. */
async function command(
  on: Case,
  { version, ...input }: { command: Command; version: number; reason?: string; ground?: string; resultFile?: File },
): Promise<OfficeOutcome> {
  const result = await giveStaffCommand(prisma, { ...on, ...input, expectedVersion: version });
  if (result.ok) return { kind: "done", notice: input.command };
  if (result.error === "not-found") return { kind: "not-found" };
  if (result.error === "file") {
    const message = validationMessage(`file.${result.fileError}`, { max: RESULT_FILE_RULES.maxSizeMb });
    return { kind: "file-rejected", message };
  }
  if (result.error === "conflict" || result.error === "not-allowed-now") return { kind: "conflict" };
  // First-grade enrollment is only by an order on the school's list; nothing was changed.
  if (result.error === "by-order")
    return { kind: "refused", message: validationMessage("enrollment:guards.completeByOrder") };
  // A first-grade child with a place still free ahead of it cannot be refused for lack of places.
  const message =
    result.error === "places-free"
      ? validationMessage("enrollment:orders.errors.placesFree", { free: result.free, position: result.position })
      : validationMessage(`office.${result.error}`);
  return { kind: "declined", message };
}

/** What the officer had typed as the reason, kept for them when a colleague was first. */
function typedReason(value: unknown): string {
  return (typeof value === "object" && value && "reason" in value && postedText(value.reason)) || "";
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const formData = await readFormData(request);
  const parsed = parseOfficeIntent(formData.get("intent"));
  if (!parsed) throw data(null, { status: 400 });
  const { intent } = parsed;
  const { submission, outcome } = await FORMS[parsed.form](formData, { actor: user, number: params.number });
  const answer = (status: number, reply: Omit<ActionReply, "intent">) =>
    data<ActionReply>({ intent, ...reply }, { status });
  if (!outcome) return answer(400, { reply: submission.reply({ hideFields: ["result"] }) });
  switch (outcome.kind) {
    case "done":
      return redirect(`/office/applications/${params.number}?notice=${outcome.notice}`);
    case "not-found":
      throw data(null, { status: 404 });
    case "forbidden":
      throw data(null, { status: 403 });
    case "conflict": {
      const typed = submission.status === "success" ? typedReason(submission.value) : "";
      return answer(409, {
        reply: submission.reply({ formErrors: [validationMessage("office.conflict")], hideFields: ["result"] }),
        conflict: { typed },
      });
    }
    case "file-rejected":
      return answer(400, {
        reply: submission.reply({ fieldErrors: { result: [outcome.message] }, hideFields: ["result"] }),
      });
    case "refused":
      return answer(409, { reply: submission.reply({ formErrors: [outcome.message] }), refused: outcome.message });
    case "declined":
      return answer(400, { reply: submission.reply({ formErrors: [outcome.message] }) });
  }
}

// A conflict (409) answers with the application as it is now, so its loader runs again.
export function shouldRevalidate({
  actionStatus,
  defaultShouldRevalidate,
}: {
  actionStatus?: number;
  defaultShouldRevalidate: boolean;
}) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function OfficeApplication({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("office");
  const replyFor = (intent: string) => (actionData?.intent === intent ? actionData.reply : null);
  return (
    <section className="max-w-5xl">
      <ApplicationHeader view={d} />
      {actionData?.conflict && <ConflictNotice typed={actionData.conflict.typed} />}
      <ApplicationActions view={d} refused={actionData?.refused} replyFor={replyFor} />
      <ApplicationDocuments documents={d.documents} />
      <ApplicationMessages messages={d.messages} />
      <StaffNotes notes={d.notes} lastResult={replyFor("note")} />
      <StaffTimeline events={d.timeline} />
      <section aria-labelledby="answers-title" className="mt-10">
        <h2 id="answers-title" className="text-xl font-bold">
          {t("application.answers")}
        </h2>
        <div className="mt-4">
          <AnswerSummary sections={d.sections} />
        </div>
      </section>
    </section>
  );
}
