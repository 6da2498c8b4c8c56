import { describe, expect, it } from "vitest";
import { parseAddressQuery } from "~/domain/enrollment/address-query";

const KNOWN = ["Пенза", "Кузнецк", "Заречный"];

describe("parseAddressQuery", () => {
  it.each([
    ["Пенза, ул. Московская, 12А", { settlement: "Пенза", street: "ул. Московская", house: "12А" }],
    ["Московская 12 к2", { street: "Московская", house: "12 к2" }],
    ["г. Пенза, ул. Московская, д. 11, кв. 1", { settlement: "Пенза", street: "ул. Московская", house: "11" }],
    [
      "Пензенская обл., г. Пенза, ул. Московская, дом 11",
      { settlement: "Пенза", street: "ул. Московская", house: "11" },
    ],
    ["440000, г. Пенза, ул. Кирова, 5", { settlement: "Пенза", street: "ул. Кирова", house: "5" }],
    ["ул. Московская, 12а", { street: "ул. Московская", house: "12а" }],
    ["Московская, 12", { street: "Московская", house: "12" }],
    ["Московская ул., д.12", { street: "Московская ул.", house: "12" }],
    ["ул. Карла Маркса 7 корп. 2", { street: "ул. Карла Маркса", house: "7 корп. 2" }],
    ["ул. Гоголя 3/1", { street: "ул. Гоголя", house: "3/1" }],
    ["ул. 8 Марта 14", { street: "ул. 8 Марта", house: "14" }],
    ["пр. 30-летия Победы, 3", { street: "пр. 30-летия Победы", house: "3" }],
    ["г. Пенза ул. Московская 11", { settlement: "Пенза", street: "ул. Московская", house: "11" }],
    ["г.Кузнецк, ул. Ленина 5", { settlement: "Кузнецк", street: "ул. Ленина", house: "5" }],
    ["с. Соседка, ул. Центральная, 3", { settlement: "Соседка", street: "ул. Центральная", house: "3" }],
    ["Гоголя 12", { street: "Гоголя", house: "12" }],
    ["  ул.   Московская   11  ", { street: "ул. Московская", house: "11" }],
    ["Московская", { street: "Московская" }],
    ["ул. 8 Марта", { street: "ул. 8 Марта" }],
  ])("%s", (text, expected) => {
    expect(parseAddressQuery(text)).toEqual(expected);
  });

  it("recognises a settlement named without «г.» when it is in the address list", () => {
    expect(parseAddressQuery("Пенза Московская 12 к2", KNOWN)).toEqual({
      settlement: "Пенза",
      street: "Московская",
      house: "12 к2",
    });
    expect(parseAddressQuery("пенза московская 11", KNOWN)).toEqual({
      settlement: "Пенза",
      street: "московская",
      house: "11",
    });
    // Without the list the same words are all the street: nothing is guessed.
    expect(parseAddressQuery("Пенза Московская 12", [])).toEqual({ street: "Пенза Московская", house: "12" });
  });

  it("gives nothing to look for when there is no street", () => {
    expect(parseAddressQuery("")).toBeNull();
    expect(parseAddressQuery("   ")).toBeNull();
    expect(parseAddressQuery("12")).toBeNull();
    expect(parseAddressQuery(", , ,")).toBeNull();
  });

  it("bounds what it reads", () => {
    const parsed = parseAddressQuery("ул. " + "а".repeat(10_000) + " 12");
    expect(parsed?.street.length).toBeLessThanOrEqual(200);
  });
});
