import { prisma } from "~/db/prisma.server";
import { acquirerClient } from "~/domain/payments/acquirer-client.server";
import type { PaymentContext } from "~/domain/payments/payments.server";
import { acquirerSettings, publicUrl } from "~/env.server";

/** The payments' dependencies from configuration: this database, the configured acquirer, the portal's address. */
let context: PaymentContext | undefined;
export function paymentContext(): PaymentContext {
  if (context) return context;
  const settings = acquirerSettings();
  context = {
    db: prisma,
    acquirer: acquirerClient({
      url: settings.url,
      apiKey: settings.apiKey,
      notificationSecret: settings.notificationSecret,
    }),
    publicUrl: publicUrl(),
    now: () => new Date(),
  };
  return context;
}
