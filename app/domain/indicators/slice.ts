import { z } from "zod";

/*
 * A slice of the indicators (разрез): by department, category, service, municipality or channel,
 * read from a URL's query. Unknown or malformed values are ignored rather than failing the page.
 */
export const SLICE_KEYS_PURE = ["department", "category", "service", "municipality", "channel"] as const;

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/)
  .optional()
  .catch(undefined);

export const SliceSchema = z.object({
  department: code,
  category: code,
  service: code,
  municipality: code,
  channel: z.enum(["portal", "proactive"]).optional().catch(undefined),
});
export type SliceInput = z.infer<typeof SliceSchema>;

export function parseSlice(params: URLSearchParams): SliceInput {
  return SliceSchema.parse(Object.fromEntries(params));
}
