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
  ];
  for (const pattern of personal) expect(log, String(pattern)).not.toMatch(pattern);
});
