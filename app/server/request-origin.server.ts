import type { RouterContextProvider } from "react-router";
import type { RequestOrigin } from "~/domain/accounts/accounts.server";
import { env, publicUrl } from "~/env.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { composeAccountMail } from "~/mail/account-mail.server";
import { clientAddress } from "~/server/client-address.server";

/**
 * Where an account request comes from, as the account functions take it: the client's address and
 * language, the links' base, who words the mails and the configured mail limit. `demoMailbox` is the
 * asking browser's demo mailbox, for an account the request creates.
 */
export function requestOrigin(
  context: Readonly<RouterContextProvider>,
  demoMailbox: string | null = null,
): RequestOrigin {
  return {
    ip: clientAddress(context),
    language: requestLanguage(context),
    publicUrl: publicUrl(),
    compose: composeAccountMail,
    mailsPerHour: env().MAILS_PER_ADDRESS_PER_HOUR,
    demoMailbox,
  };
}
