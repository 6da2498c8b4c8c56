import { z } from "zod";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { passwordProblems, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

/*
 * The account forms' schemas, shared by the browser (Conform) and the server. Messages are keys of
 * the "validation" namespace.
 */

const email = z
  .string({ message: m("required") })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: m("email.invalid") }).max(254, { message: m("email.invalid") }));

/** A new password, checked on its own; the check against the e-mail needs both fields. */
const newPassword = z
  .string({ message: m("required") })
  .max(PASSWORD_MAX_LENGTH * 4)
  .superRefine((password, ctx) => {
    for (const problem of passwordProblems(password)) {
      ctx.addIssue({ code: "custom", message: m(`password.${problem}`, passwordParams(problem)) });
    }
  });

function passwordParams(problem: string): Record<string, number> | undefined {
  return problem === "tooShort" ? { min: PASSWORD_MIN_LENGTH } : undefined;
}

/** Bots fill every field; people never see this one. Anything in it and the form is ignored. */
const honeypot = z.string().max(0).optional();

export const RegisterSchema = z
  .object({
    email,
    password: newPassword,
    passwordConfirm: z.string({ message: m("required") }),
    consent: z.literal("on", { message: m("consent.required") }),
    website: honeypot,
  })
  .superRefine((form, ctx) => {
    if (passwordProblems(form.password, form.email).includes("containsEmail")) {
      ctx.addIssue({ code: "custom", path: ["password"], message: m("password.containsEmail") });
    }
    if (form.password !== form.passwordConfirm) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: m("password.mismatch") });
    }
  });

export const SignInSchema = z.object({
  email,
  password: z.string({ message: m("required") }).max(PASSWORD_MAX_LENGTH * 4),
  remember: z.literal("on").optional(),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email, website: honeypot });

export const ResetPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword,
    passwordConfirm: z.string({ message: m("required") }),
  })
  .superRefine((form, ctx) => {
    if (form.password !== form.passwordConfirm) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: m("password.mismatch") });
    }
  });
