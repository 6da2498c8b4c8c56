import { describe, expect, it } from "vitest";
import {
  formatOrdersCursor,
  parseOrdersCursor,
  parseOrdersYear,
  publicOrderJson,
  publicOrdersCsv,
  sortRegistrationNumbers,
} from "./public-orders";

describe("public order lists", () => {
  it("read the year asked for, the default when none, and null for anything that is not a year", () => {
    expect(parseOrdersYear(null, 2027)).toBe(2027);
    expect(parseOrdersYear("", 2027)).toBe(2027);
    expect(parseOrdersYear("2026", 2027)).toBe(2026);
    for (const bad of ["26", "2027abc", "1e3", "-2027", "1999", "2101", "２０２７", " 2027"]) {
      expect(parseOrdersYear(bad, 2027), bad).toBeNull();
    }
  });

  it("page on a cursor of date and id; an odd cursor is the first page", () => {
    const cursor = { date: "2027-07-03", id: 15 };
    expect(parseOrdersCursor(formatOrdersCursor(cursor))).toEqual(cursor);
    for (const bad of [null, undefined, "", "15", "2027-07-03", "2027-07-03.x", "2027-07-03.9999999999", "x.1"]) {
      expect(parseOrdersCursor(bad), String(bad)).toBeNull();
    }
  });

  it("sort registration numbers in their natural order", () => {
    expect(sortRegistrationNumbers(["58-2027-0000112-0", "58-2027-0000012-3", "58-2026-0099999-1"])).toEqual([
      "58-2026-0099999-1",
      "58-2027-0000012-3",
      "58-2027-0000112-0",
    ]);
  });

  it("write CSV with a header, `;` between cells, a row per child, quoting what needs it", () => {
    const csv = publicOrdersCsv([
      { number: "45-у", date: "2027-07-03", registrationNumbers: ["58-2027-0000012-3", "58-2027-0000112-0"] },
      { number: 'ОД;7 "б"', date: "2027-07-04", registrationNumbers: [] },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "order_number;order_date;registration_number",
      "45-у;2027-07-03;58-2027-0000012-3",
      "45-у;2027-07-03;58-2027-0000112-0",
      '"ОД;7 ""б""";2027-07-04;',
      "",
    ]);
  });

  it("publish exactly the number, the date and the registration numbers of an order", () => {
    const order = { number: "45-у", date: "2027-07-03", registrationNumbers: ["58-2027-0000012-3"] };
    const leaky = { ...order, childName: "Иванов Иван", applicantId: "u1" } as typeof order;
    expect(publicOrderJson(leaky)).toEqual(order);
    expect(Object.keys(publicOrderJson(leaky))).toEqual(["number", "date", "registrationNumbers"]);
  });
});
