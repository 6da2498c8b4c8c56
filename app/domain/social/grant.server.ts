import type { Prisma } from "~/generated/prisma/client";
import { regionDate } from "~/domain/region/clock";
import { familyFromAnswers } from "./package-cases.server";
import { entitlement, largeFamilyUntil, MeasureTermsSchema, paymentSchedule } from "./measures";

type Tx = Prisma.TransactionClient;

/*
 * What granting a measure brings (docs/social-support.md): its payments, month by month, for the
 * children entitled on the day of the decision, and the result document the measure issues (the
 * large-family certificate, valid while the family is large on what is known then). Written in the
 * transaction of the decision, so a granted measure never lacks them.
 */
export async function grantMeasure(
  tx: Tx,
  application: { id: string; measureCode: string | null; applicantId: string | null; answers: string },
  now: Date,
): Promise<void> {
  if (!application.measureCode) return;
  const measure = await tx.supportMeasure.findUnique({ where: { code: application.measureCode } });
  if (!measure) return;
  const terms = MeasureTermsSchema.parse(JSON.parse(measure.terms));
  const today = regionDate(now);
  const family = await familyFromAnswers(
    tx,
    application.applicantId,
    JSON.parse(application.answers) as Record<string, unknown>,
  );
  const entitled = entitlement(terms, family, today);
  const children = entitled.entitled ? entitled.children : 0;
  const payments = paymentSchedule(terms, today, children).filter((p) => p.amountKopecks !== 0);
  if (payments.length > 0) {
    await tx.paymentScheduleEntry.createMany({
      data: payments.map((p) => ({ applicationId: application.id, ...p })),
    });
  }
  if (terms.document === "large-family-certificate") {
    const year = today.slice(0, 4);
    const counter = await tx.counter.upsert({
      where: { name: `certificate-${year}` },
      create: { name: `certificate-${year}`, value: 1 },
      update: { value: { increment: 1 } },
    });
    await tx.resultDocument.create({
      data: {
        id: `${application.id}-certificate`,
        applicationId: application.id,
        kind: terms.document,
        number: `58-МС-${year}-${String(counter.value).padStart(6, "0")}`,
        issuedOn: today,
        // A family not large on the profile's data (the officer decided on documents) gets a year.
        validUntil: largeFamilyUntil(family, today) ?? `${Number(year) + 1}${today.slice(4)}`,
      },
    });
  }
}
