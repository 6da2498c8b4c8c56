import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/form-field";
import { GRANTABLE_ROLES } from "~/domain/accounts/staff-forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<unknown, any, string[]>;

/** Role, department and (for school staff) school number: the same three fields wherever a role is granted. */
export function RoleGrantFields({
  fields,
  departments,
}: {
  fields: { role: AnyField; departmentCode: AnyField; schoolCode: AnyField };
  departments: { value: string; label: string }[];
}) {
  const { t } = useTranslation("staff");
  const { t: ta } = useTranslation("auth");
  return (
    <>
      <SelectField
        field={fields.role}
        label={t("grant.role")}
        placeholder={t("grant.choose")}
        options={GRANTABLE_ROLES.map((role) => ({ value: role, label: ta(`roles.${role}`) }))}
      />
      <SelectField
        field={fields.departmentCode}
        label={t("grant.department")}
        placeholder={t("grant.noDepartment")}
        options={departments}
      />
      <TextField field={fields.schoolCode} label={t("grant.school")} hint={t("grant.schoolHint")} />
    </>
  );
}

export const roleGrantLabels = (t: (key: string) => string) => ({
  role: t("grant.role"),
  departmentCode: t("grant.department"),
  schoolCode: t("grant.school"),
});
