import { z } from "zod";
import { parseDate } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { normalizeOrderNumber, orderDateProblem, orderNumberProblem } from "./order-rules";

/*
 * The school's form under its ranked list (docs/enrollment.md, "The school's side"): the applications
 * ticked, and two acts on them from one form — documents checked (`intent=checkDocuments`) and the
 * enrollment order (`intent=issueOrder`, with the order's number and date). One schema, used by
 * Conform in the browser and by the action on the server; messages are keys of the "validation"
 * namespace, or of "enrollment:orders…".
 */

/** More than a school's list shows on a page (RANKED_LIST_LIMIT), within the form's field limit. */
export const MAX_SELECTION = 1_000;

const APPLICATION_ID = /^[\w-]{1,64}$/;

/** Several ticked boxes of one name arrive as an array, a single one as a value. */
const selection = z.preprocess(
  (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
  z
    .array(z.string().regex(APPLICATION_ID, { message: m("choice.invalid") }), { message: m("choice.invalid") })
    .max(MAX_SELECTION, { message: m("choice.tooMany", { max: MAX_SELECTION }) })
    .transform((ids) => [...new Set(ids)]),
);

const optionalText = z.string({ message: m("text.invalid") }).max(200, { message: m("text.tooLong", { max: 200 }) });

export function orderFormSchema(today: string) {
  // No transform of the whole object: Conform reads the fields' constraints from an object schema.
  return z
    .object({
      intent: z.enum(["checkDocuments", "issueOrder"], { message: m("choice.invalid") }),
      school: z.string({ message: m("school.invalid") }).regex(/^\d{1,4}$/, { message: m("school.invalid") }),
      year: z.coerce
        .number({ message: m("number.integer") })
        .int({ message: m("number.integer") })
        .min(2000, { message: m("number.tooSmall", { min: 2000 }) })
        .max(2100, { message: m("number.tooLarge", { max: 2100 }) }),
      applicationId: selection,
      // Typed for the order; kept (not required) when the documents are checked, so nothing typed is lost.
      orderNumber: optionalText.optional().transform((typed) => normalizeOrderNumber(typed ?? "")),
      // The date input's ISO value, or "ДД.ММ.ГГГГ" typed where there is no date picker.
      orderDate: optionalText.optional().transform((typed) => (typed === undefined ? "" : (parseDate(typed) ?? typed))),
    })
    .superRefine((form, ctx) => {
      if (form.applicationId.length === 0) {
        ctx.addIssue({ code: "custom", path: [], message: m("enrollment:orders.errors.nothingSelected") });
      }
      if (form.intent !== "issueOrder") return;
      const numberProblem = orderNumberProblem(form.orderNumber);
      if (numberProblem) ctx.addIssue({ code: "custom", path: ["orderNumber"], message: numberProblem });
      const dateProblem = form.orderDate ? orderDateProblem(form.orderDate, today) : m("required");
      if (dateProblem) ctx.addIssue({ code: "custom", path: ["orderDate"], message: dateProblem });
    });
}

export type OrderForm = z.output<ReturnType<typeof orderFormSchema>>;

/** The school opens stage 2 early (early-stage2.server.ts): which school and campaign, nothing typed. */
export const earlyStage2FormSchema = z.object({
  intent: z.literal("openStage2Early"),
  school: z.string().regex(/^\d{1,4}$/),
  year: z.coerce.number().int().min(2000).max(2100),
});
