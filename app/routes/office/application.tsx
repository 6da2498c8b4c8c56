import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/application";
import { AnswerSummary } from "~/components/answer-summary";
import { ErrorSummary, SelectField, TextField, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { StatusBadge } from "~/components/status-badge";
import { DaysLeft } from "~/components/days-left";
import { prisma } from "~/db/prisma.server";
import type { Command, Status } from "~/domain/applications/lifecycle";
import { validationMessage } from "~/domain/forms/validation-message";
import {
  addStaffNote,
  assignApplication,
  getStaffApplicationPage,
  giveStaffCommand,
  takeApplication,
  type StaffActor,
} from "~/domain/office/casework.server";
import { formOfIntent, officeSchemas, RESULT_FILE_RULES } from "~/domain/office/office-forms";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
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

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const actor: StaffActor = user;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const form = typeof intent === "string" ? formOfIntent(intent) : null;
  if (!form) throw data(null, { status: 400 });
  const submission = parseWithZod(formData, { schema: officeSchemas(regionDate())[form] });
  if (submission.status !== "success") {
    return data<ActionReply>(
      { intent: intent as string, reply: submission.reply({ hideFields: ["result"] }) },
      { status: 400 },
    );
  }
  const value = submission.value as Record<string, unknown> & { intent: string; version?: number };
  const here = `/office/applications/${params.number}`;
  const conflict = () =>
    data<ActionReply>(
      {
        intent: value.intent,
        reply: submission.reply({ formErrors: [validationMessage("office.conflict")], hideFields: ["result"] }),
        conflict: { typed: typeof value.reason === "string" ? value.reason : "" },
      },
      { status: 409 },
    );

  if (value.intent === "note") {
    if (!(await addStaffNote(prisma, { actor, number: params.number, text: value.text as string })))
      throw data(null, { status: 404 });
    return redirect(`${here}?notice=note`);
  }
  if (value.intent === "take") {
    // One act: the officer's own, registered and under review when it was new (casework.server.ts).
    const result = await takeApplication(prisma, { actor, number: params.number, expectedVersion: value.version! });
    if (!result.ok && result.error === "not-found") throw data(null, { status: 404 });
    if (!result.ok && result.error === "conflict") return conflict();
    if (!result.ok) throw data(null, { status: 403 });
    return redirect(`${here}?notice=${result.to === result.from ? "take" : "takeReview"}`);
  }
  if (value.intent === "assign") {
    const result = await assignApplication(prisma, {
      actor,
      number: params.number,
      assigneeId: value.assignee as string,
      expectedVersion: value.version!,
    });
    if (!result.ok && result.error === "not-found") throw data(null, { status: 404 });
    if (!result.ok && result.error === "conflict") return conflict();
    if (!result.ok) throw data(null, { status: 403 });
    return redirect(`${here}?notice=${value.intent}`);
  }

  let reason = typeof value.reason === "string" ? value.reason : undefined;
  if (value.intent === "inviteToVisit") {
    // The invitation the resident reads: when and where, then anything the officer added.
    const when = `${formatDate(value.visitDate as string, "ru")}, ${value.visitTime as string}`;
    reason = [`Приём: ${when}, ${value.place as string}.`, reason].filter(Boolean).join("\n");
  }
  const result = await giveStaffCommand(prisma, {
    actor,
    number: params.number,
    command: value.intent as Command,
    expectedVersion: value.version!,
    reason,
    ground: typeof value.ground === "string" ? value.ground : undefined,
    resultFile: value.result instanceof File ? value.result : undefined,
  });
  if (!result.ok) {
    if (result.error === "not-found") throw data(null, { status: 404 });
    if (result.error === "file") {
      return data<ActionReply>(
        {
          intent: value.intent,
          reply: submission.reply({
            fieldErrors: {
              result: [validationMessage(`file.${result.fileError}`, { max: RESULT_FILE_RULES.maxSizeMb })],
            },
            hideFields: ["result"],
          }),
        },
        { status: 400 },
      );
    }
    if (result.error === "conflict" || result.error === "not-allowed-now") return conflict();
    if (result.error === "by-order") {
      // First-grade enrollment is only by an order on the school's list; nothing was changed.
      const message = validationMessage("enrollment:guards.completeByOrder");
      return data<ActionReply>(
        { intent: value.intent, reply: submission.reply({ formErrors: [message] }), refused: message },
        { status: 409 },
      );
    }
    // A first-grade child with a place still free ahead of it cannot be refused for lack of places.
    const message =
      result.error === "places-free"
        ? validationMessage("enrollment:orders.errors.placesFree", { free: result.free, position: result.position })
        : validationMessage(`office.${result.error}`);
    return data<ActionReply>(
      { intent: value.intent, reply: submission.reply({ formErrors: [message] }) },
      { status: 400 },
    );
  }
  return redirect(`${here}?notice=${value.intent}`);
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
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation("applications");
  const replyFor = (intent: string) => (actionData?.intent === intent ? actionData.reply : null);
  const text = useValidationText();
  const assignedElsewhere = d.assignee && d.assignee.id !== d.me;
  // After a colleague decided the case (a conflict) or while the resident is asked, there may be
  // nothing to do here: the section says so rather than standing empty.
  const hasActions = d.canTake || (d.canAssign && d.supervisor) || d.commands.length > 0;
  return (
    <section className="max-w-5xl">
      <title>{`${t("application.title", { number: d.number })} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/office" className="text-brand-700 underline">
          {t("queues.title")}
        </Link>
      </p>
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${d.notice}`, { defaultValue: t("notice.done") })}
        </p>
      )}
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">
        {d.service} — {t("application.number", { number: d.number })}
      </h1>
      {d.measure && (
        <p className="mt-1 text-lg" data-testid="measure">
          {t("application.measure", { measure: d.measure })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={d.status} />
        {d.daysLeft !== null && <DaysLeft days={d.daysLeft} />}
      </div>
      <dl className="mt-4 grid gap-3 sm:grid-cols-4">
        <Fact term={t("columns.applicant")}>{d.applicantName}</Fact>
        <Fact term={t("columns.receivedAt")}>{d.receivedAt}</Fact>
        <Fact term={t("columns.deadline")}>{d.deadline}</Fact>
        <Fact term={t("columns.assignee")}>
          <span data-testid="assignee">{d.assignee?.email ?? t("application.unassigned")}</span>
        </Fact>
      </dl>

      {actionData?.conflict && (
        <div role="alert" className="mt-6 rounded-md border-4 border-red-700 bg-white p-4" data-testid="conflict">
          <p className="font-bold">{text(validationMessage("office.conflict"))}</p>
          {actionData.conflict.typed && (
            <div className="mt-3 space-y-1">
              <label htmlFor="conflict-typed" className="block font-semibold">
                {t("application.yourText")}
              </label>
              <textarea
                id="conflict-typed"
                readOnly
                rows={3}
                defaultValue={actionData.conflict.typed}
                className="block w-full rounded-md border border-slate-500 bg-slate-50 px-3 py-2"
              />
            </div>
          )}
        </div>
      )}
      <section aria-labelledby="actions-title" className="mt-8 space-y-4">
        <h2 id="actions-title" className="text-xl font-bold">
          {t("application.actions")}
        </h2>
        {actionData?.refused && (
          <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3" data-testid="refused">
            {text(actionData.refused)}
          </p>
        )}
        {d.enrollmentList && (
          <p className="rounded-md border-l-4 border-brand-700 bg-white p-3" data-testid="enroll-by-order">
            {t("enrollment:guards.enrollByOrder")}{" "}
            <Link
              to={`/office/enrollment?school=${d.enrollmentList.school}&year=${d.enrollmentList.year}`}
              className="text-brand-700 underline"
            >
              {t("enrollment:guards.toList", { school: d.enrollmentList.school, year: d.enrollmentList.year })}
            </Link>
          </p>
        )}
        {!hasActions && (
          <p className="rounded-md border-l-4 border-slate-500 bg-white p-3" data-testid="no-actions">
            {t(`application.noActions.${!d.canAssign ? "decided" : WAITING.includes(d.status) ? "waiting" : "none"}`)}
          </p>
        )}
        {d.canTake && (
          <SimpleForm intent="take" version={d.version} lastResult={replyFor("take")} label={t("actions.take")}>
            {assignedElsewhere && (
              <p className="mb-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2" data-testid="takeover-warning">
                {t("actions.takeOver", { officer: d.assignee!.email })}
              </p>
            )}
            {d.takeStartsReview && <p className="mb-2 text-sm text-muted">{t("actions.takeStartsReview")}</p>}
          </SimpleForm>
        )}
        {d.canAssign && d.supervisor && (
          <AssignForm officers={d.officers} version={d.version} lastResult={replyFor("assign")} />
        )}
        {d.commands.map((command) => (
          <CommandForm
            key={command}
            command={command}
            version={d.version}
            grounds={d.grounds}
            today={d.today}
            lastResult={replyFor(command)}
          />
        ))}
      </section>

      {d.documents.length > 0 && (
        <section aria-labelledby="documents-title" className="mt-8">
          <h2 id="documents-title" className="text-xl font-bold">
            {t("application.documents")}
          </h2>
          <ul className="mt-2 space-y-1">
            {d.documents.map((doc) => (
              <DocumentLinks key={doc.id} document={doc} />
            ))}
          </ul>
        </section>
      )}

      {d.messages.length > 0 && (
        <section aria-labelledby="messages-title" className="mt-8">
          <h2 id="messages-title" className="text-xl font-bold">
            {t("application.messages")}
          </h2>
          <ul className="mt-2 space-y-2" data-testid="messages">
            {d.messages.map((msg) => (
              <li key={msg.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="text-sm font-semibold">
                  {msg.author === "department" ? t("application.department") : t("application.applicant")} · {msg.at}
                </p>
                <p className="mt-1 whitespace-pre-line">{msg.text}</p>
                <ul>
                  {msg.files.map((f) => (
                    <DocumentLinks key={f.id} document={f} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="notes-title" className="mt-8">
        <h2 id="notes-title" className="text-xl font-bold">
          {t("application.notes")}
        </h2>
        <p className="text-sm text-muted">{t("application.notesHint")}</p>
        {d.notes.length > 0 && (
          <ul className="mt-2 space-y-2 [overflow-wrap:anywhere]" data-testid="notes">
            {d.notes.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-300 bg-amber-50 p-3">
                <p className="text-sm font-semibold">
                  {n.author} · {n.at}
                </p>
                <p className="mt-1 whitespace-pre-line">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
        <NoteForm lastResult={replyFor("note")} />
      </section>

      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="text-xl font-bold">
          {t("application.timeline")}
        </h2>
        <ol
          className="mt-2 space-y-2 border-l-4 border-brand-100 pl-4 [overflow-wrap:anywhere]"
          data-testid="staff-timeline"
        >
          {d.timeline.map((e) => (
            <li key={e.id}>
              <p className="font-semibold">
                {e.command === "assign" ? t("application.assigned", { officer: e.assignee }) : ta(`status.${e.status}`)}
              </p>
              <p className="text-sm text-muted">
                {e.at} · {e.actor ?? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}
              </p>
              {e.ground && <p className="text-sm">{e.ground}</p>}
              {e.reason && <p className="text-sm whitespace-pre-line">{e.reason}</p>}
            </li>
          ))}
        </ol>
      </section>

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

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-300 bg-white p-3">
      <dt className="text-sm font-semibold text-muted">{term}</dt>
      <dd className="mt-1 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function DocumentLinks({ document }: { document: { id: string; name: string; contentType: string } }) {
  const { t } = useTranslation("office");
  return (
    <li className="flex flex-wrap gap-3">
      <a
        href={`/documents/${document.id}?inline=1`}
        target="_blank"
        rel="noreferrer"
        className="text-brand-700 underline"
      >
        {t("application.open", { name: document.name })}
      </a>
      <a href={`/documents/${document.id}`} className="text-brand-700 underline">
        {t("application.download")}
        <span className="sr-only"> {document.name}</span>
      </a>
    </li>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-300 bg-white p-4">
      <h3 className="font-bold">{title}</h3>
      <div className="mt-2">{children}</div>
    </div>
  );
}

function TextArea({ field, label }: { field: Parameters<typeof getTextareaProps>[0]; label: string }) {
  const text = useValidationText();
  const errors = field.errors as string[] | undefined;
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: field.errors ? field.errorId : undefined });
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {label}: {errors.map(text).join("; ")}
        </p>
      )}
      <textarea key={key} {...props} rows={3} className="block w-full rounded-md border border-slate-500 px-3 py-2" />
    </div>
  );
}

/** Statuses in which the department waits for the resident's answer. */
const WAITING: readonly Status[] = ["waitingForInfo", "needsCorrection"];

const submitClass = "rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900";

function SimpleForm({
  intent,
  version,
  label,
  lastResult,
  children,
}: {
  intent: "acknowledge" | "startReview" | "take";
  version: number;
  label: string;
  lastResult: SubmissionResult<string[]> | null;
  children?: React.ReactNode;
}) {
  const schema = useMemo(() => officeSchemas(regionDate()).simple, []);
  const [form] = useSchemaForm(schema, lastResult, undefined, `office-${intent}`);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary errors={[]} labels={{}} formErrors={form.errors} />
      {children}
      <input type="hidden" name="version" value={version} />
      <button type="submit" name="intent" value={intent} className={submitClass}>
        {label}
      </button>
    </Form>
  );
}

function AssignForm({
  officers,
  version,
  lastResult,
}: {
  officers: { id: string; email: string }[];
  version: number;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  const schema = useMemo(() => officeSchemas(regionDate()).assign, []);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, "office-assign");
  const labels = { assignee: t("actions.assignee") };
  return (
    <Panel title={t("actions.assign")}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="version" value={version} />
        <SelectField
          field={fields.assignee}
          label={labels.assignee}
          options={officers.map((o) => ({ value: o.id, label: o.email }))}
          placeholder={t("actions.chooseOfficer")}
        />
        <button type="submit" className={submitClass}>
          {t("actions.assign")}
        </button>
      </Form>
    </Panel>
  );
}

function CommandForm({
  command,
  version,
  grounds,
  today,
  lastResult,
}: {
  command: Command;
  version: number;
  grounds: { code: string; title: string }[];
  today: string;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  const formName = formOfIntent(command)!;
  const schema = useMemo(() => officeSchemas(today)[formName], [today, formName]);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, `office-${command}`);
  if (formName === "simple") {
    return (
      <SimpleForm
        intent={command as "acknowledge" | "startReview"}
        version={version}
        label={t(`actions.${command}`)}
        lastResult={lastResult}
      />
    );
  }
  const f = fields as Record<string, Parameters<typeof getTextareaProps>[0]>;
  const labels: Record<string, string> = {
    reason: t(`labels.${command}Reason`),
    ground: t("labels.ground"),
    visitDate: t("labels.visitDate"),
    visitTime: t("labels.visitTime"),
    place: t("labels.place"),
    result: t("labels.result"),
  };
  return (
    <Panel title={t(`actions.${command}`)}>
      <Form
        method="post"
        encType={command === "complete" ? "multipart/form-data" : undefined}
        {...getFormProps(form)}
        className="space-y-3"
      >
        <ErrorSummary errors={fieldErrors(f, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value={command} />
        <input type="hidden" name="version" value={version} />
        {command === "refuse" && (
          <SelectField
            field={f.ground!}
            label={labels.ground!}
            options={grounds.map((g) => ({ value: g.code, label: g.title }))}
            placeholder={t("labels.chooseGround")}
          />
        )}
        {command === "inviteToVisit" && (
          <>
            <TextField field={f.visitDate!} label={labels.visitDate!} type="date" />
            <TextField field={f.visitTime!} label={labels.visitTime!} hint={t("labels.visitTimeHint")} />
            <TextField field={f.place!} label={labels.place!} />
          </>
        )}
        <TextArea field={f.reason!} label={labels.reason!} />
        {command === "complete" && (
          <div className="space-y-1">
            <label htmlFor={f.result!.id} className="block font-semibold">
              {labels.result}
            </label>
            <input
              id={f.result!.id}
              type="file"
              name="result"
              accept={RESULT_FILE_RULES.accept.join(",")}
              className="block text-sm"
            />
          </div>
        )}
        <button
          type="submit"
          className={command === "refuse" ? submitClass.replace("brand-700", "red-800") : submitClass}
        >
          {t(`actions.${command}`)}
        </button>
      </Form>
    </Panel>
  );
}

function NoteForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("office");
  const schema = useMemo(() => officeSchemas(regionDate()).note, []);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, "office-note");
  const labels = { text: t("labels.note") };
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <input type="hidden" name="intent" value="note" />
      <TextArea field={fields.text as Parameters<typeof getTextareaProps>[0]} label={labels.text} />
      <button type="submit" className={submitClass}>
        {t("actions.addNote")}
      </button>
    </Form>
  );
}
