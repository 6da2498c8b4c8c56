import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The error summary (ErrorSummary in form-field.tsx) heads every form — sign-in, profile, a child,
 * office forms — not only applications, so its title must not say "in the application".
 */
const title = (language: string) =>
  (JSON.parse(readFileSync(path.resolve("locales", language, "validation.json"), "utf8")) as { summaryTitle: string })
    .summaryTitle;

describe("the error summary's title", () => {
  it("fits every form, the profile's included", () => {
    expect(title("ru")).not.toMatch(/заявлени/i);
    expect(title("en")).not.toMatch(/application/i);
    // The browser tests find the summary by these words.
    expect(title("ru")).toMatch(/^Исправьте ошибки/);
  });
});
