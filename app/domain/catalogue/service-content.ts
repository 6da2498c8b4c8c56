import { z } from "zod";
import { LocalizedSchema } from "~/domain/i18n/localized";
import { FormDefinitionSchema } from "~/domain/forms/form-definition";

/*
 * What the catalogue knows about a service, as authored (seeds, later the admin pages). The same
 * schema validates seed files and the JSON columns read back from the database.
 */

export const SERVICE_LEVELS = ["regional", "municipal"] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** How the service is obtained: fully online, or online application but a visit is needed. */
export const DELIVERY_MODES = ["online", "visit"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DocumentRequirementSchema = z.object({
  title: LocalizedSchema,
  /** Provided by the resident (upload) or obtained by the department itself (СМЭВ request). */
  source: z.enum(["applicant", "interagency"]),
  optional: z.boolean().default(false),
});

export const RefusalGroundSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: LocalizedSchema,
});

/** Retention of applications when a service does not set its own (README, "Personal data"). */
export const DEFAULT_RETENTION_YEARS = 5;

export const ServiceDetailsSchema = z.object({
  applicants: z.array(LocalizedSchema).min(1),
  documents: z.array(DocumentRequirementSchema),
  result: LocalizedSchema,
  /** Free of charge unless said otherwise. */
  cost: LocalizedSchema.optional(),
  refusalGrounds: z.array(RefusalGroundSchema).min(1),
  /** Where a visit is needed: what for. */
  visitNote: LocalizedSchema.optional(),
  /** The deadline stops while the department waits for the resident's answer (docs/deadlines.md). */
  pauseWhileWaiting: z.boolean().default(true),
  /**
   * How long a decided application is kept (срок хранения), in years from the decision; then its
   * documents go, and the whole application once the applicant has deleted the account. Per service,
   * because the department's records schedule (номенклатура дел) sets it; the default is 5 years.
   */
  retentionYears: z.number().int().min(1).max(75).default(DEFAULT_RETENTION_YEARS),
  /**
   * A service used in the cabinet rather than applied for (paying bills, meter readings: docs/payments.md):
   * the page there. Its "start" leads to it, and no application form is offered.
   */
  usedAt: z
    .string()
    .regex(/^\/cabinet\/[a-z0-9/-]+$/)
    .optional(),
});
export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;

/** A service's details as stored (the JSON of Service.details), or null when they do not read as the schema says. */
export function readServiceDetails(stored: string): ServiceDetails | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const details = ServiceDetailsSchema.safeParse(parsed);
  return details.success ? details.data : null;
}

export const ServiceSeedSchema = z.object({
  /** Stable code in the regional register, e.g. "58-EDU-001". */
  code: z.string().regex(/^58-[A-Z]{2,5}-\d{3}$/),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  category: z.string(),
  department: z.string(),
  lifeSituations: z.array(z.string()).default([]),
  level: z.enum(SERVICE_LEVELS),
  /** Regulatory term in working days; 0 means immediate (e.g. payments). */
  deadlineDays: z.number().int().nonnegative(),
  /** Mass socially significant service (МСЗУ). */
  mszu: z.boolean(),
  delivery: z.enum(DELIVERY_MODES),
  proactive: z.boolean().default(false),
  /** Relative popularity for the home page (views per month in the demo). */
  popularity: z.number().int().nonnegative().default(0),
  title: LocalizedSchema,
  summary: LocalizedSchema,
  description: LocalizedSchema,
  /** Extra words residents use for this service, per language, to help search. */
  keywords: z.object({ ru: z.array(z.string()), en: z.array(z.string()) }).default({ ru: [], en: [] }),
  details: ServiceDetailsSchema,
  form: FormDefinitionSchema,
});
export type ServiceSeed = z.input<typeof ServiceSeedSchema>;

export const CategorySeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: LocalizedSchema,
  description: LocalizedSchema,
  position: z.number().int(),
});
export type CategorySeed = z.input<typeof CategorySeedSchema>;

export const DepartmentSeedSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: LocalizedSchema,
});
export type DepartmentSeed = z.input<typeof DepartmentSeedSchema>;

export const LifeSituationSeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: LocalizedSchema,
  position: z.number().int(),
});
export type LifeSituationSeed = z.input<typeof LifeSituationSeedSchema>;
