import type { PrismaClient } from "~/generated/prisma/client";

/*
 * A payment as its payer sees it (docs/payments.md, "Receipt"): the state, the bills it covers, and once it
 * succeeded the 54-ФЗ fiscal data. Only the payer's own payments; another payer of the account sees theirs.
 */
export async function paymentForPayer(db: PrismaClient, userId: string, paymentId: string) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, userId },
    include: {
      account: { select: { els: true, address: true } },
      bills: {
        orderBy: [{ bill: { period: "asc" } }, { bill: { providerCode: "asc" } }],
        include: {
          bill: { select: { period: true, provider: { select: { nameRu: true, nameEn: true, inn: true } } } },
        },
      },
    },
  });
  if (!payment) return null;
  const vat = payment.vat ? (JSON.parse(payment.vat) as { vat: string; amount: number; tax: number }[]) : [];
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.amount,
    createdAt: payment.createdAt,
    finishedAt: payment.finishedAt,
    declineReason: payment.declineReason,
    els: payment.account.els,
    address: payment.account.address,
    bills: payment.bills.map(({ billId, amount, bill }) => ({
      id: billId,
      amount,
      period: bill.period,
      provider: { ru: bill.provider.nameRu, en: bill.provider.nameEn },
      providerInn: bill.provider.inn,
    })),
    fiscal:
      payment.status === "succeeded" && payment.fiscalDocument
        ? {
            drive: payment.fiscalDrive ?? "",
            document: payment.fiscalDocument,
            sign: payment.fiscalSign ?? "",
            at: payment.fiscalAt,
            vat,
          }
        : null,
  };
}

export type PaymentForPayer = NonNullable<Awaited<ReturnType<typeof paymentForPayer>>>;
