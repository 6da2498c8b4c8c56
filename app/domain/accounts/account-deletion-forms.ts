import { z } from "zod";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { PASSWORD_MAX_LENGTH } from "./password-policy";

/*
 * The form that deletes a resident's account, shared by the browser (Conform) and the server: the
 * password once more, and a tick that says the person read what goes and what is kept.
 */
export const AccountDeletionSchema = z.object({
  password: z.string({ message: m("required") }).max(PASSWORD_MAX_LENGTH * 4),
  understood: z.literal("on", { message: m("accountDeletion.understood") }),
});
