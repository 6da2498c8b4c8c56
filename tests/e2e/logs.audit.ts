import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PORTAL_LOG } from "./ports";

/*
 * Runs after every other browser test (a dependent project): the test portal's log, written while
 * residents registered, signed in, typed СНИЛС and passwords, must hold none of it.
 */
test("the portal's log holds no personal data and no passwords", () => {
  const log = readFileSync(PORTAL_LOG, "utf8");
  const lines = log.trim().split("\n");
  expect(lines.length).toBeGreaterThan(100);
  expect(log).toContain('"path":"/login"');
  const personal = [
    /@example\.ru/,
    /@demo\.gosuslugi58\.ru/,
    /penza-demo-2026/,
    /трамвай|Сурой|неверный пароль/,
    /112-233-445/,
    /5612 ?345678/,
    /Иванова|Смирнова/,
    /token=/,
    // A utility account's number, as typed or in a URL (the payments spec's accounts are 58Т…, 58Д…, 58М…).
    /58АБ123456|58%D0%90%D0%91123456|58(%D0%A2|%D0%94|%D0%9C)/,
  ];
  for (const pattern of personal) expect(log, String(pattern)).not.toMatch(pattern);
});
