import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useValidationText } from "~/components/form-field";
import type { Command, Status } from "~/domain/applications/lifecycle";
import { AssignForm } from "./assign-form";
import { CommandForm } from "./command-form";
import { SimpleForm } from "./simple-form";

/** What the actions section needs of the officer's page of one application. */
export type ApplicationActionsView = {
  status: Status;
  version: number;
  me: string;
  assignee: { id: string; email: string } | null;
  officers: { id: string; email: string }[];
  commands: Command[];
  grounds: { code: string; title: string }[];
  enrollmentList: { school: string; year: number } | null;
  canTake: boolean;
  takeStartsReview: boolean;
  canAssign: boolean;
  supervisor: boolean;
  today: string;
};

/** Statuses in which the department waits for the resident's answer. */
const WAITING: readonly Status[] = ["waitingForInfo", "needsCorrection"];

/** The acts the officer may do on the application now, one form each. */
export function ApplicationActions({
  view: d,
  refused,
  replyFor,
}: {
  view: ApplicationActionsView;
  /** Why a forged command was refused, shown above the actions. */
  refused: string | undefined;
  replyFor: (intent: string) => SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  const text = useValidationText();
  const assignedElsewhere = d.assignee && d.assignee.id !== d.me;
  // After a colleague decided the case (a conflict) or while the resident is asked, there may be
  // nothing to do here: the section says so rather than standing empty.
  const hasActions = d.canTake || (d.canAssign && d.supervisor) || d.commands.length > 0;
  return (
    <section aria-labelledby="actions-title" className="mt-8 space-y-4">
      <h2 id="actions-title" className="text-xl font-bold">
        {t("application.actions")}
      </h2>
      {refused && (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3" data-testid="refused">
          {text(refused)}
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
  );
}
