import type { Answers } from "./answers";

/**
 * When an applicant deletes the account, the children in the profile go at once, but an application
 * kept for its retention period still names them: the deletion copies the name and birth date of each
 * child the answers refer to under this key, so the department keeps reading who the case is about.
 */
export const KEPT_CHILDREN_KEY = "$children";

export type KeptChild = { id: string; name: string; birthDate: string };

export function keptChildren(answers: Answers): KeptChild[] {
  const value = answers[KEPT_CHILDREN_KEY];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is KeptChild =>
      !!c &&
      typeof c === "object" &&
      typeof (c as KeptChild).id === "string" &&
      typeof (c as KeptChild).name === "string" &&
      typeof (c as KeptChild).birthDate === "string",
  );
}
