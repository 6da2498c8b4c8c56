import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RegisterSchema } from "./account-forms";
import { passwordProblems, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("password policy", () => {
  it.each([
    ["short", ["tooShort"]],
    ["1234567890", ["common"]],
    ["ЙЦУКЕНГШЩЗ", ["common"]],
    ["aaaaaaaaaaaa", ["repetitive"]],
    ["abcdefghijkl", ["repetitive"]],
    ["зелёный трамвай едет в Пензу", []],
  ])("%s → %j", (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it("refuses a password made of the e-mail address", () => {
    expect(passwordProblems("olga.petrova1985", "olga.petrova@example.ru")).toEqual(["containsEmail"]);
  });

  it("accepts any long enough phrase of varied characters (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MIN_LENGTH, maxLength: 64, unit: "grapheme" }), (password) => {
        const problems = passwordProblems(`${password}Жz9`);
        return !problems.includes("tooShort") && !problems.includes("tooLong");
      }),
    );
  });
});

describe("registration schema", () => {
  const valid = {
    email: " Olga@Example.RU ",
    password: "долгий путь домой 58",
    passwordConfirm: "долгий путь домой 58",
    consent: "on",
  };
  it("normalises the address and accepts a good form", () => {
    expect(RegisterSchema.parse(valid).email).toBe("olga@example.ru");
  });
  it("requires the separate consent and matching passwords", () => {
    const result = RegisterSchema.safeParse({ ...valid, consent: undefined, passwordConfirm: "другой" });
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("consent");
    const mismatch = RegisterSchema.safeParse({ ...valid, passwordConfirm: "другой" });
    expect(mismatch.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["passwordConfirm", "password.mismatch"],
    ]);
  });
  it("explains a short password with the minimum length", () => {
    const result = RegisterSchema.safeParse({ ...valid, password: "коротко", passwordConfirm: "коротко" });
    expect(result.error!.issues.map((i) => i.message)).toContain(`password.tooShort|{"min":${PASSWORD_MIN_LENGTH}}`);
  });
});
