import { afterAll, beforeAll, expect, it, vi } from "vitest";

// Before any module reads the configuration: mail goes to the sink below over real SMTP.
const smtpPort = await vi.hoisted(async () => (await import("../support/free-port")).mailToFreePort());

import type { PrismaClient } from "~/generated/prisma/client";
import { closeMailTransport, inFlight, MAILS_IN_FLIGHT, sendMail } from "~/platform/mail.server";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { createTestDatabase } from "./test-database";

/*
 * The mail transport (docs/decisions/0038): mail goes over a few kept SMTP connections with several
 * in flight, not a new connection per mail one after another — the opening minute's thousands of
 * confirmations must reach parents within minutes.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
let stopSink: () => Promise<void>;
const inbox: ReceivedMail[] = [];
let connections = 0;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  stopSink = await startSmtpSink(
    smtpPort,
    (mail) => inbox.push(mail),
    () => (connections += 1),
  );
});
afterAll(async () => {
  closeMailTransport();
  await stopSink();
  await dispose();
});

it("sends forty mails over at most MAILS_IN_FLIGHT kept connections, several at a time", async () => {
  const recipients = Array.from({ length: 40 }, (_, i) => `parent${i}@example.ru`);
  let inProgress = 0;
  let mostInProgress = 0;
  await inFlight(recipients, async (to) => {
    inProgress += 1;
    mostInProgress = Math.max(mostInProgress, inProgress);
    await sendMail(db, { to, subject: "Заявление принято", text: "Номер заявления …", kind: "test" });
    inProgress -= 1;
  });
  expect(inbox.map((mail) => mail.to[0]).sort()).toEqual([...recipients].sort());
  expect(inbox.every((mail) => mail.subject === "Заявление принято")).toBe(true);
  expect(mostInProgress).toBe(MAILS_IN_FLIGHT);
  expect(connections).toBeGreaterThan(0);
  expect(connections).toBeLessThanOrEqual(MAILS_IN_FLIGHT);
});

it("opens new connections after the kept ones are closed", async () => {
  const before = connections;
  closeMailTransport();
  await sendMail(db, { to: "late@example.ru", subject: "Ещё одно", text: "…", kind: "test" });
  expect(connections).toBe(before + 1);
  expect(inbox.at(-1)?.to).toEqual(["late@example.ru"]);
});
