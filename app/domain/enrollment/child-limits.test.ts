import { describe, expect, it } from "vitest";
import { checkChildLimit, normalizeBirthCertificate, type ChildApplication } from "./child-limits";

describe("normalising a birth certificate", () => {
  it.each([
    "I-ИЗ 123456",
    "1-из №123456",
    "I ИЗ 123456",
    "I-ИЗ123456",
    "i-из № 123456",
    "IИЗ 123456",
    "I – ИЗ 123456",
    "I-ИЗ N 123456",
    "  I-ИЗ   123456  ",
    "\u0406-ИЗ 123456", // Cyrillic (Ukrainian) І for the numeral
  ])("%j is I-ИЗ 123456", (typed) => {
    expect(normalizeBirthCertificate(typed)).toBe("I-ИЗ 123456");
  });

  it.each([
    ["IV-АИ 654321", "IV-АИ 654321"],
    ["4-аи 654321", "IV-АИ 654321"],
    ["IV-AI 654321", null], // Latin I is no Cyrillic letter
    ["IV-AE 654321", "IV-АЕ 654321"], // Latin look-alikes
    ["XII-ЖА 000001", "XII-ЖА 000001"],
    ["12-жа №000001", "XII-ЖА 000001"],
    ["I-ИЗ 12345", null],
    ["ИЗ 123456", null],
    ["", null],
  ])("%j → %j", (typed, normalised) => {
    expect(normalizeBirthCertificate(typed)).toBe(normalised);
  });
});

describe("the limits per child", () => {
  const mother = "acc-mother";
  const father = "acc-father";
  const application = (changes: Partial<ChildApplication>): ChildApplication => ({
    certificate: "I-ИЗ 123456",
    schoolCode: "112",
    stage: 1,
    status: "registered",
    applicantId: mother,
    number: "58-2027-0000001-3",
    ...changes,
  });

  it("lets a child be applied to a first school", () => {
    expect(
      checkChildLimit([], { certificate: "I-ИЗ 123456", schoolCode: "112", stage: 1, applicantId: mother }, 1),
    ).toEqual({
      ok: true,
    });
  });

  it.each<
    [
      string,
      ChildApplication[],
      { certificate: string; schoolCode: string; stage: 1 | 2; applicantId: string },
      number,
      unknown,
    ]
  >([
    [
      "the same parent resubmitting to the same school: her own number",
      [application({})],
      { certificate: "1-из №123456", schoolCode: "112", stage: 1, applicantId: mother },
      1,
      { ok: false, reason: "sameSchool", ownNumber: "58-2027-0000001-3" },
    ],
    [
      "the other parent, from another account, to the same school: no number",
      [application({})],
      { certificate: "I ИЗ 123456", schoolCode: "112", stage: 1, applicantId: father },
      1,
      { ok: false, reason: "sameSchool", ownNumber: null },
    ],
    [
      "the other parent to another school beyond the stage's limit: no number",
      [application({})],
      { certificate: "I-ИЗ 123456", schoolCode: "45", stage: 1, applicantId: father },
      1,
      { ok: false, reason: "limitReached", ownNumber: null },
    ],
    [
      "the same parent to another school beyond the limit: her own number",
      [application({})],
      { certificate: "I-ИЗ 123456", schoolCode: "45", stage: 1, applicantId: mother },
      1,
      { ok: false, reason: "limitReached", ownNumber: "58-2027-0000001-3" },
    ],
    [
      "a third school when two are allowed, one application from each parent",
      [application({}), application({ schoolCode: "45", applicantId: father, number: "58-2027-0000002-1" })],
      { certificate: "I-ИЗ 123456", schoolCode: "7", stage: 1, applicantId: father },
      2,
      { ok: false, reason: "limitReached", ownNumber: "58-2027-0000002-1" },
    ],
    [
      "a second school when two are allowed",
      [application({ applicantId: father })],
      { certificate: "I-ИЗ 123456", schoolCode: "45", stage: 1, applicantId: mother },
      2,
      { ok: true },
    ],
    [
      "another stage, another school: the stage-1 application does not count",
      [application({ status: "completed" })],
      { certificate: "I-ИЗ 123456", schoolCode: "45", stage: 2, applicantId: mother },
      1,
      { ok: true },
    ],
    [
      "a stage-2 application to a school the stage-1 one still holds a place at",
      [application({ status: "inReview" })],
      { certificate: "I-ИЗ 123456", schoolCode: "112", stage: 2, applicantId: father },
      1,
      { ok: false, reason: "sameSchool", ownNumber: null },
    ],
    [
      "after a withdrawal, the same school again",
      [application({ status: "withdrawn" })],
      { certificate: "I-ИЗ 123456", schoolCode: "112", stage: 1, applicantId: father },
      1,
      { ok: true },
    ],
    [
      "after a refusal for lack of seats, another school",
      [application({ status: "refused" })],
      { certificate: "I-ИЗ 123456", schoolCode: "45", stage: 1, applicantId: mother },
      1,
      { ok: true },
    ],
    [
      "a draft elsewhere",
      [application({ status: "draft", schoolCode: "45" })],
      { certificate: "I-ИЗ 123456", schoolCode: "112", stage: 1, applicantId: mother },
      1,
      { ok: true },
    ],
    [
      "a twin: another certificate",
      [application({})],
      { certificate: "I-ИЗ 123457", schoolCode: "112", stage: 1, applicantId: mother },
      1,
      { ok: true },
    ],
    [
      "a certificate typed oddly but the same, both times",
      [application({ certificate: "I-ИЗ 12345 6 X" })],
      { certificate: "i-из 12345 6 x", schoolCode: "112", stage: 1, applicantId: mother },
      1,
      { ok: false, reason: "sameSchool", ownNumber: "58-2027-0000001-3" },
    ],
  ])("%s", (_, existing, candidate, limit, result) => {
    expect(checkChildLimit(existing, candidate, limit)).toEqual(result);
  });
});
