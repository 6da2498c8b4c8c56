import { z } from "zod";
import { checkBirthCertificate } from "~/domain/identity/documents";
import { checkSnils } from "~/domain/identity/snils";

/*
 * The life events other systems report to POST /api/registry/events (docs/proactive.md): a birth
 * registered by ЗАГС, a pregnancy registered by a clinic, a benefit status recorded in ЕГИССО. The
 * schema is the published contract (GET /api/registry/schema); a body it refuses is answered 4xx
 * with the paths of what is wrong.
 */
const isoDate = z.iso.date();
const snils = z.string().transform((value, ctx) => {
  const checked = checkSnils(value);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: `СНИЛС: ${checked.error}` });
    return z.NEVER;
  }
  return checked.value;
});
const birthCertificate = z.string().transform((value, ctx) => {
  const checked = checkBirthCertificate(value);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: `birth certificate: ${checked.error}` });
    return z.NEVER;
  }
  return checked.value;
});
const name = z.string().trim().min(1).max(100);

/** The person the event is about (the parent, the expectant mother, the benefit holder). */
export const PersonSchema = z.object({
  snils,
  lastName: name,
  firstName: name,
  middleName: name.optional(),
  birthDate: isoDate,
});

const Common = {
  /** The source's own id of the event: a replay with the same id is recognised. */
  eventId: z.string().trim().min(1).max(100),
  /** When it happened (registered), as the source records it. */
  occurredAt: z.iso.datetime({ offset: true }),
};

export const LifeEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...Common,
    type: z.literal("birth"),
    /** The parent the measures go to. */
    parent: PersonSchema,
    child: z.object({
      lastName: name,
      firstName: name,
      middleName: name.optional(),
      birthDate: isoDate,
      birthCertificate,
      /** The child's place among the parent's children (1 = first): the third makes a large family. */
      birthOrder: z.number().int().min(1).max(30),
    }),
  }),
  z.object({
    ...Common,
    type: z.literal("pregnancy"),
    person: PersonSchema,
    /** The day the clinic registered the pregnancy. */
    registeredOn: isoDate,
    expectedBirthDate: isoDate.optional(),
  }),
  z.object({
    ...Common,
    type: z.literal("benefit-status"),
    person: PersonSchema,
    /** The category recorded in ЕГИССО that entitles to a measure (e.g. large-family, labour-veteran). */
    category: z.string().trim().min(1).max(60),
    validFrom: isoDate,
  }),
]);
export type LifeEvent = z.infer<typeof LifeEventSchema>;
export type LifeEventType = LifeEvent["type"];

/** The person the measures of an event go to. */
export function personOf(event: LifeEvent) {
  return event.type === "birth" ? event.parent : event.person;
}
