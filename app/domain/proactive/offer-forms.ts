import { z } from "zod";
import { validationMessage as m } from "~/domain/forms/validation-message";

/*
 * The resident's one-step answer to an offer or an assignment, shared by the browser (Conform) and
 * the server: which button was pressed. Anything else is a 400 with the message below.
 */
export const OFFER_ANSWERS = ["confirm", "decline"] as const;
export type OfferAnswer = (typeof OFFER_ANSWERS)[number];

export const OfferAnswerSchema = z.object({
  answer: z.enum(OFFER_ANSWERS, { message: m("proactive:errors.answer") }),
});
