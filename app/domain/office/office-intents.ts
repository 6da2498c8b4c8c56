import { formatDate } from "~/domain/region/dates";
import { formOfIntent, type OfficeFormName } from "./office-forms";

/*
 * The officer's page of an application posts several forms, told apart by their `intent` field. An
 * intent is read once here into the form (and so the schema) it belongs to; each form has one
 * handler in the route, and every handler ends in one of the outcomes below, which the route turns
 * into its HTTP answer. No framework here: the outcomes are the domain's words for what happened.
 */

export type OfficeIntent = { intent: string; form: OfficeFormName };

/** The posted `intent` and its form, or null for what no form of the page sends. */
export function parseOfficeIntent(value: unknown): OfficeIntent | null {
  if (typeof value !== "string") return null;
  const form = formOfIntent(value);
  return form ? { intent: value, form } : null;
}

export type OfficeOutcome =
  /** Done: back to the page with the notice of what was done. */
  | { kind: "done"; notice: string }
  /** Not this officer's to see (or no such application). */
  | { kind: "not-found" }
  /** Seen, but not this officer's to do. */
  | { kind: "forbidden" }
  /** Someone changed the application first; what the officer typed is kept for them. */
  | { kind: "conflict" }
  /** The result document was not accepted; `message` is a validation message. */
  | { kind: "file-rejected"; message: string }
  /** A command this application never takes here (a forged form); nothing was changed. */
  | { kind: "refused"; message: string }
  /** The lifecycle declined the command as given; `message` says why. */
  | { kind: "declined"; message: string };

/** How an act outside the lifecycle (take, assign) failed, as an outcome. */
export function failedActOutcome(error: "not-found" | "conflict" | "not-allowed"): OfficeOutcome {
  if (error === "not-found") return { kind: "not-found" };
  if (error === "conflict") return { kind: "conflict" };
  return { kind: "forbidden" };
}

/** A value of a posted text field: the text, or undefined when the form had none. */
export function postedText(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The invitation the resident reads: when and where, then anything the officer added. */
export function invitationText(input: { visitDate: string; visitTime: string; place: string; note?: string }) {
  const when = `${formatDate(input.visitDate, "ru")}, ${input.visitTime}`;
  return [`Приём: ${when}, ${input.place}.`, input.note].filter(Boolean).join("\n");
}
