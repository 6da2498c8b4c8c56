import { describe, expect, it } from "vitest";
import { parseValidationMessage } from "~/domain/forms/validation-message";
import { childSchema, profileSchema } from "./profile-forms";

const context = { today: "2026-11-23" };
const profile = {
  lastName: "Иванова",
  firstName: "Анна",
  birthDate: "1990-04-12",
  snils: "112-233-445 95",
  phone: "+7 912 345-67-89",
  passportNumber: "5612 345678",
  passportIssuedOn: "2010-05-05",
  passportIssuerCode: "580-001",
  addressOktmo: "56701000",
  addressLocality: "Пенза",
  addressStreet: "ул. Московская",
  addressHouse: "1",
};
const errors = (schema: ReturnType<typeof profileSchema> | ReturnType<typeof childSchema>, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), parseValidationMessage(i.message).key]));
};

describe("profile and child forms (security review)", () => {
  const schema = profileSchema(context);

  it("accepts a real profile", () => {
    expect(errors(schema, profile)).toEqual({});
  });

  it("checks the passport's date of issue against the birth date and the calendar", () => {
    expect(errors(schema, { ...profile, passportIssuedOn: "1800-01-01" })).toEqual({
      passportIssuedOn: "date.tooEarly",
    });
    expect(errors(schema, { ...profile, passportIssuedOn: "1989-01-01" })).toEqual({
      passportIssuedOn: "passport.issuedBeforeBirth",
    });
    expect(errors(schema, { ...profile, passportIssuedOn: "2004-04-11" })).toEqual({
      passportIssuedOn: "passport.issuedBeforeFourteen",
    });
    expect(errors(schema, { ...profile, passportIssuedOn: "2027-01-01" })).toEqual({
      passportIssuedOn: "date.tooLate",
    });
    expect(errors(schema, { ...profile, passportIssuedOn: "2004-04-12" })).toEqual({});
  });

  it("refuses control and bidirectional characters in the address, and over-long parts", () => {
    expect(errors(schema, { ...profile, addressStreet: "ул. Московская\u0000", addressHouse: "1\u202e" })).toEqual({
      addressStreet: "text.control",
      addressHouse: "text.control",
    });
    expect(errors(schema, { ...profile, addressLocality: "П".repeat(201) })).toEqual({
      addressLocality: "text.tooLong",
    });
  });

  it("refuses all-zero identifiers and reads full-width digits", () => {
    expect(errors(schema, { ...profile, snils: "000-000-000 00", inn: "000000000000" })).toEqual({
      snils: "snils.zero",
      inn: "inn.zero",
    });
    expect(schema.safeParse({ ...profile, snils: "１１２２３３４４５９５" }).data?.snils).toBe("112-233-445 95");
  });

  it("has one name rule for the profile and the children", () => {
    expect(errors(schema, { ...profile, lastName: "<script>", middleName: "Петровна\u202e" })).toEqual({
      lastName: "name.invalid",
      middleName: "text.control",
    });
    const child = childSchema(context);
    const valid = { lastName: "Иванов", firstName: "Пётр", birthDate: "2019-03-01", birthCertificate: "IV-АИ 123456" };
    expect(errors(child, valid)).toEqual({});
    expect(errors(child, { ...valid, firstName: "<b>Пётр</b>" })).toEqual({ firstName: "name.invalid" });
    expect(errors(child, { ...valid, birthDate: "2026-11-24" })).toEqual({ birthDate: "date.tooLate" });
  });
});
