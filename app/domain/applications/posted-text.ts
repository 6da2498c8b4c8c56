/*
 * The typed text of a posted step, without files: what can be kept while nobody is signed in (the
 * step's answers posted after the session ended, pending-answers.server.ts). Parts of a composite
 * field ("childAddress.street") become its object; several values of one name, a list.
 */
/** The typed text of a form, without files: what can be kept while nobody is signed in. */
export function textAnswers(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string" || name === "intent" || value.startsWith("upload:")) continue;
    const [head, part] = name.split(".");
    if (!head) continue;
    if (part) {
      const group = (out[head] ??= {}) as Record<string, string>;
      group[part] = value;
    } else if (name in out) {
      out[name] = ([] as unknown[]).concat(out[name], value);
    } else out[name] = value;
  }
  return out;
}
