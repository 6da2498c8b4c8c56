import { z } from "zod";
import { validationMessage as m } from "~/domain/forms/validation-message";

/** Roles an administrator grants; "resident" comes with registration. */
export const GRANTABLE_ROLES = ["officer", "supervisor", "analyst", "admin"] as const;

const grant = {
  role: z.enum(GRANTABLE_ROLES, { message: m("choice.invalid") }),
  departmentCode: z.string().optional(),
  schoolCode: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, { message: m("school.invalid") })
    .optional(),
};

function departmentWhereNeeded(value: { role: string; departmentCode?: string }, ctx: z.RefinementCtx) {
  if ((value.role === "officer" || value.role === "supervisor") && !value.departmentCode) {
    ctx.addIssue({ code: "custom", path: ["departmentCode"], message: m("department.required") });
  }
}

export const RoleGrantSchema = z.object(grant).superRefine(departmentWhereNeeded);

export const StaffInvitationSchema = z
  .object({
    email: z
      .string({ message: m("required") })
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: m("email.invalid") })),
    ...grant,
  })
  .superRefine(departmentWhereNeeded);
