/*
 * What a document a person attaches may be, stated once (docs/decisions/0022-documents-judged-by-bytes.md):
 * its types, its size and how many one field keeps. The server's check of the bytes (file-type.ts) stays the
 * authority; the browser-side schema of a file field (forms/form-schema.ts), the file input's `accept` and the
 * limits shown beside it are only derived from these rules, so none of them can promise what the server refuses.
 * Pure: bundled for the browser too.
 */

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/*
 * How people know each type: the name the hint shows and the extensions a file picker offers. A Record, so a
 * type added above does not compile until it has both (and file-type.ts its magic bytes).
 */
const TYPE_NAMES: Record<AllowedContentType, { label: string; extensions: readonly string[] }> = {
  "application/pdf": { label: "PDF", extensions: [".pdf"] },
  "image/jpeg": { label: "JPEG", extensions: [".jpg", ".jpeg"] },
  "image/png": { label: "PNG", extensions: [".png"] },
};

export interface UploadRules {
  accept: readonly AllowedContentType[];
  /** Counted in MiB, as a file manager shows sizes. */
  maxSizeMb: number;
}

/*
 * The one statement of what a document may be, wherever a resident or an officer attaches one:
 * application forms (the default of a file field), answers to a request and result documents.
 */
export const DOCUMENT_UPLOAD_RULES = { accept: ALLOWED_CONTENT_TYPES, maxSizeMb: 10 } as const satisfies UploadRules;

/** The most files one field of a form (or one message) keeps. */
export const MAX_FILES_PER_FIELD = 20;

export function maxUploadBytes(rules: Pick<UploadRules, "maxSizeMb">): number {
  return rules.maxSizeMb * 1024 * 1024;
}

export function exceedsMaxSize(size: number, rules: Pick<UploadRules, "maxSizeMb">): boolean {
  return size > maxUploadBytes(rules);
}

/**
 * The browser's guess at a chosen file's type, for the schema's early answer before anything is sent.
 * Never enough on its own: the server decides by the bytes.
 */
export function acceptsDeclaredType(declaredType: string, rules: Pick<UploadRules, "accept">): boolean {
  return (rules.accept as readonly string[]).includes(declaredType);
}

/** The file input's `accept`: each type and its extensions, so every file picker filters by one of them. */
export function acceptAttribute(rules: Pick<UploadRules, "accept">): string {
  return rules.accept.flatMap((type) => [type, ...TYPE_NAMES[type].extensions]).join(",");
}

/** The types as people name them, for the hint: "PDF, JPEG, PNG". */
export function typeLabels(rules: Pick<UploadRules, "accept">): string {
  return rules.accept.map((type) => TYPE_NAMES[type].label).join(", ");
}

/** The parameters of the hint beside a file input (`applications:file.rules`). */
export function uploadHintParams(rules: UploadRules): { max: number; types: string } {
  return { max: rules.maxSizeMb, types: typeLabels(rules) };
}
