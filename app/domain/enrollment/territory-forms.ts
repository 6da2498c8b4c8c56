import { z } from "zod";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { HOUSE_SPEC_MAX_LENGTH, parseHouseSet } from "./territory";
import { ANNEX_MAX_BYTES } from "./territory-import";

/*
 * The administrator's forms of assigned territories: a rule of a school's page (save, delete) and the
 * import of an act's annex. One schema each, used by Conform in the browser and by the action on the
 * server. Messages are keys of the "validation" namespace.
 */

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const year = z
  .number({ message: m("number.integer") })
  .int({ message: m("number.integer") })
  .min(MIN_YEAR, { message: m("number.tooSmall", { min: MIN_YEAR }) })
  .max(MAX_YEAR, { message: m("number.tooLarge", { max: MAX_YEAR }) });

const id = z
  .number({ message: m("choice.invalid") })
  .int({ message: m("choice.invalid") })
  .positive();

/** The act's list of houses: checked by the same parser the server stores with. */
const houses = z
  .string({ message: m("required") })
  .max(HOUSE_SPEC_MAX_LENGTH, { message: m("text.tooLong", { max: HOUSE_SPEC_MAX_LENGTH }) })
  .superRefine((text, ctx) => {
    const parsed = parseHouseSet(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: m(parsed.error, parsed.part ? { part: parsed.part } : undefined) });
    }
  });

export const TerritoryRuleSchema = z.object({
  intent: z.literal("save"),
  year,
  ruleId: id.optional(),
  streetId: z.number({ message: m("territory.chooseStreet") }).int({ message: m("territory.chooseStreet") }),
  houses,
});

export const TerritoryRuleDeletionSchema = z.object({
  intent: z.literal("delete"),
  ruleId: id,
});

/** Characters of a pasted annex: 2 MB of Cyrillic is about a million. */
export const ANNEX_MAX_PASTED = ANNEX_MAX_BYTES;

export const TerritoryImportSchema = z
  .object({
    year,
    csv: z
      .string()
      .max(ANNEX_MAX_PASTED, { message: m("territoryImport.tooLarge", { max: 2 }) })
      .optional(),
    file: z
      .instanceof(File, { message: m("file.invalid") })
      .refine((f) => f.size <= ANNEX_MAX_BYTES, { message: m("territoryImport.tooLarge", { max: 2 }) })
      .optional(),
    replace: z.boolean().optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.file && !form.csv?.trim()) {
      ctx.addIssue({ code: "custom", path: ["csv"], message: m("territoryImport.nothing") });
    }
    if (form.file && form.csv?.trim()) {
      ctx.addIssue({ code: "custom", path: ["csv"], message: m("territoryImport.both") });
    }
  });

export type TerritoryImportInput = z.output<typeof TerritoryImportSchema>;
