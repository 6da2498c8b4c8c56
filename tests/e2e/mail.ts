import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../support/smtp-sink";
import { MAIL_DIR } from "./ports";

/** Waits for the newest mail to an address that the test portal sent through the SMTP sink. */
export async function latestMailTo(address: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = readdirSync(MAIL_DIR)
          .sort()
          .map((name) => JSON.parse(readFileSync(path.join(MAIL_DIR, name), "utf8")) as ReceivedMail)
          .filter((mail) => mail.to.includes(address) && subject.test(mail.subject))
          .at(-1);
        return found !== undefined;
      },
      { message: `a mail to ${address} matching ${subject}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

export function linkIn(mail: ReceivedMail, pathname: string): string {
  const link = new RegExp(`https?://[^\\s]+${pathname}\\?token=[\\w-]+`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${pathname} link in the mail`);
  return new URL(link).pathname + new URL(link).search;
}
