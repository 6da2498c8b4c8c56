import type { AccountMail } from "~/domain/accounts/accounts.server";
import { translatorFor } from "~/i18n/translate.server";

/*
 * The words of an account's mails (confirmation, reset, invitation…), in the account's language; the
 * domain (accounts.server.ts) decides which is sent, to whom, with which links.
 */
export function composeAccountMail({ template, language, params }: AccountMail): { subject: string; text: string } {
  const t = translatorFor(language);
  return {
    subject: t(`mail:${template}.subject`),
    text: `${t(`mail:${template}.body`, params)}\n\n${t("mail:signature")}`,
  };
}
