import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBirthCertificate, checkEls, checkIssuerCode, checkPassportNumber } from "./documents";
import { checkInn, personInnWithChecksum } from "./inn";
import { checkPhone, formatPhone } from "./phone";
import { checkSnils, snilsChecksum } from "./snils";
import { testPersonInn, testSnils } from "./test-data";

describe("СНИЛС", () => {
  it.each(["112-233-445 95", "11223344595", "112 233 445 95", "112-855-899 74"])("accepts %s", (input) => {
    expect(checkSnils(input)).toMatchObject({ ok: true });
  });
  it("normalises to XXX-XXX-XXX YY", () => {
    expect(checkSnils("11223344595")).toEqual({ ok: true, value: "112-233-445 95" });
  });
  it("rejects a wrong checksum and says so", () => {
    expect(checkSnils("112-233-445 96")).toEqual({ ok: false, error: "checksum" });
  });
  it("rejects a wrong length", () => {
    expect(checkSnils("112-233-445")).toEqual({ ok: false, error: "format" });
  });
  it("writes a sum of 100 as 00 and does not check numbers issued before checksums", () => {
    expect(checkSnils("000-000-001 99")).toMatchObject({ ok: true });
    // digits summing to 100: 9·9 + 2·8 + 3·1 = 100, written as 00
    expect(checkSnils("920-000-003 00")).toMatchObject({ ok: true });
  });
});

describe("ИНН", () => {
  it("accepts a valid personal ИНН and rejects a changed digit", () => {
    expect(checkInn("123456789047")).toEqual({ ok: true, value: "123456789047" });
    expect(checkInn("123456789048")).toEqual({ ok: false, error: "checksum" });
  });
  it("accepts an organisation's 10-digit ИНН unless a person's is required", () => {
    expect(checkInn("7707083893")).toMatchObject({ ok: true });
    expect(checkInn("7707083893", "person")).toEqual({ ok: false, error: "format" });
    expect(checkInn("7707083894")).toEqual({ ok: false, error: "checksum" });
  });
});

describe("numbers no one is issued, and digits of other scripts (security review)", () => {
  it("refuses all-zero numbers although their checksums pass", () => {
    expect(checkSnils("000-000-000 00")).toEqual({ ok: false, error: "zero" });
    expect(checkInn("000000000000")).toEqual({ ok: false, error: "zero" });
    expect(checkInn("0000000000")).toEqual({ ok: false, error: "zero" });
    expect(checkPassportNumber("0000 000000")).toEqual({ ok: false, error: "format" });
    expect(checkIssuerCode("000-000")).toEqual({ ok: false, error: "format" });
  });
  it("reads full-width digits as the digits they show", () => {
    expect(checkSnils("１１２-２３３-４４５ ９５")).toEqual({ ok: true, value: "112-233-445 95" });
    expect(checkInn("１２３４５６７８９０４７")).toEqual({ ok: true, value: "123456789047" });
    expect(checkPhone("＋７ ９１２ ３４５-６７-８９")).toEqual({ ok: true, value: "+79123456789" });
    expect(checkPassportNumber("５６１２ ３４５６７８")).toEqual({ ok: true, value: "5612 345678" });
    expect(checkPassportNumber("№ 5612 345678")).toEqual({ ok: true, value: "5612 345678" });
  });
});

describe("test identifiers", () => {
  it("pass the checksums for any seed number", () => {
    for (let n = 0; n < 500; n++) {
      expect(checkSnils(testSnils(n)).ok).toBe(true);
      expect(checkInn(testPersonInn(n), "person").ok).toBe(true);
    }
  });
});

describe("documents", () => {
  it("passport number and issuer code", () => {
    expect(checkPassportNumber("56 12 345678")).toEqual({ ok: true, value: "5612 345678" });
    expect(checkPassportNumber("5612 34567")).toEqual({ ok: false, error: "format" });
    expect(checkIssuerCode("580001")).toEqual({ ok: true, value: "580-001" });
    expect(checkIssuerCode("58-0001a")).toEqual({ ok: false, error: "format" });
  });
  it.each([
    ["IV-АИ 123456", "IV-АИ 123456"],
    ["iv-аи123456", "IV-АИ 123456"],
    ["IV – AI 123456".replace("AI", "AИ"), "IV-АИ 123456"],
    ["ХII-КБ 654321", "XII-КБ 654321"],
  ])("birth certificate %s → %s", (input, value) => {
    expect(checkBirthCertificate(input)).toEqual({ ok: true, value });
  });
  it("rejects a birth certificate without the dash or with Latin-only letters that have no Cyrillic twin", () => {
    expect(checkBirthCertificate("IVАИ123456").ok).toBe(false);
    expect(checkBirthCertificate("IV-QZ 123456").ok).toBe(false);
  });
  it("ЕЛС with spaces and Latin look-alikes", () => {
    expect(checkEls("58 ab 123456".toUpperCase())).toEqual({ ok: true, value: "58АВ123456" });
    expect(checkEls("58АБ12345")).toEqual({ ok: false, error: "format" });
  });
});

describe("phone", () => {
  it.each(["+7 (912) 345-67-89", "89123456789", "9123456789", "8 8412 56-78-90"])("accepts %s", (input) => {
    expect(checkPhone(input).ok).toBe(true);
  });
  it("stores +7 and shows a readable form", () => {
    const result = checkPhone("8 (912) 345-67-89");
    expect(result).toEqual({ ok: true, value: "+79123456789" });
    expect(formatPhone("+79123456789")).toBe("+7 (912) 345-67-89");
  });
  it.each(["12345", "+1 212 555 0100", "call me"])("rejects %s", (input) => {
    expect(checkPhone(input)).toEqual({ ok: false, error: "format" });
  });
});

describe("checksums, for any number (property-based)", () => {
  const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });

  it("a СНИЛС with its computed checksum is valid, however it is spaced", () => {
    fc.assert(
      fc.property(digits(9), fc.constantFrom("", " ", "-"), (body, separator) => {
        fc.pre(body.some((d) => d !== 0));
        const number = body.join("") + snilsChecksum(body.join(""));
        const typed = number.replace(/(\d{3})(\d{3})(\d{3})(\d{2})/, `$1${separator}$2${separator}$3 $4`);
        return checkSnils(typed).ok;
      }),
    );
  });

  it("changing one digit of a checked СНИЛС breaks it", () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const text = body.join("");
        fc.pre(Number(text) > 1_001_998);
        // Sums 100 and 101 are both written 00, so a change between them goes unnoticed by design.
        fc.pre(snilsChecksum(text) !== "00");
        const changed = text.slice(0, at) + String((Number(text[at]) + shift) % 10) + text.slice(at + 1);
        fc.pre(Number(changed) > 1_001_998);
        // Weights 9..1 and mod 101: one changed digit changes the sum by 1..81, never by a multiple of 101.
        return !checkSnils(changed + snilsChecksum(text)).ok;
      }),
    );
  });

  it("a personal ИНН with its computed check digits is valid; a changed check digit is not", () => {
    fc.assert(
      fc.property(digits(10), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        // Region code 00 does not exist.
        fc.pre(body[0] !== 0 || body[1] !== 0);
        const inn = personInnWithChecksum(body.join(""));
        const broken = inn.slice(0, 11) + String((Number(inn[11]) + shift) % 10);
        return checkInn(inn, "person").ok && !checkInn(broken, "person").ok;
      }),
    );
  });
});
