import { data } from "react-router";

/*
 * The one way an action reads its form. Only what a browser's form sends is accepted
 * (urlencoded or multipart), of a size and shape no form of the portal exceeds; anything else is
 * answered with a 4xx the route's error boundary shows as a localized page, instead of a parser
 * error (or a stack overflow in Conform's name parsing) surfacing as a 500.
 */

/** More fields than any form of the portal has, with every repeatable group filled. */
export const MAX_FORM_FIELDS = 1_000;
/** Longer than any field name a form of the portal uses (`children[12].birthCertificate`…). */
export const MAX_FIELD_NAME_LENGTH = 200;
/** Levels of `a.b[0].c` nesting; the deepest name of a form today has three. */
export const MAX_FIELD_NAME_DEPTH = 8;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export type FormRejection = { status: 400 | 413 | 415; reason: string };

/** Why a form of this content type cannot be read, or null when it may be parsed. */
export function checkFormContentType(contentType: string | null): FormRejection | null {
  const [essence = "", ...parameters] = (contentType ?? "").split(";");
  const type = essence.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) return { status: 415, reason: "unsupported content type" };
  if (type === "multipart/form-data") {
    const boundary = parameters
      .map((p) => p.trim())
      .find((p) => p.toLowerCase().startsWith("boundary="))
      ?.slice("boundary=".length)
      .replace(/^"(.*)"$/, "$1");
    // RFC 2046: 1 to 70 characters.
    if (!boundary || boundary.length > 70) return { status: 400, reason: "bad multipart boundary" };
  }
  return null;
}

/** Why these parsed fields are refused, or null when the form is within the limits. */
export function checkFormShape(names: Iterable<string>): FormRejection | null {
  let count = 0;
  for (const name of names) {
    count += 1;
    if (count > MAX_FORM_FIELDS) return { status: 413, reason: "too many fields" };
    if (name.length > MAX_FIELD_NAME_LENGTH) return { status: 400, reason: "field name too long" };
    if (fieldNameDepth(name) > MAX_FIELD_NAME_DEPTH) return { status: 400, reason: "field name nested too deep" };
  }
  return null;
}

/** `a` → 0, `a.b` → 1, `a[0].b` → 2: the levels Conform would walk. */
export function fieldNameDepth(name: string): number {
  let depth = 0;
  for (const ch of name) if (ch === "." || ch === "[") depth += 1;
  return depth;
}

/**
 * The request's form, or a thrown `data(null, { status })` — 415 for a body that is not a form,
 * 413 for too many fields, 400 for a body that does not parse or names that are too long or deep.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const byType = checkFormContentType(request.headers.get("content-type"));
  if (byType) throw rejection(byType);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw rejection({ status: 400, reason: "malformed form body" });
  }
  const byShape = checkFormShape(form.keys());
  if (byShape) throw rejection(byShape);
  return form;
}

function rejection({ status, reason }: FormRejection) {
  return data(null, { status, statusText: reason });
}
