import { describe, expect, it } from "vitest";
import {
  compareHouseNumbers,
  formatHouseSet,
  houseInSet,
  normalizeHouseNumber,
  normalizeStreetName,
  parseHouseSet,
  type HouseSet,
} from "./territory";

function set(spec: string): HouseSet {
  const result = parseHouseSet(spec);
  if (!result.ok) throw new Error(`${spec}: ${result.error}`);
  return result.set;
}

describe("normalizeHouseNumber", () => {
  it.each([
    ["12", "12"],
    ["  12  ", "12"],
    ["012", "12"],
    ["12а", "12А"],
    ["12 а", "12А"],
    ["12-а", "12А"],
    ["12А", "12А"],
    ["12A", "12А"], // a Latin A typed on an English layout
    ["12 лит. Б", "12Б"],
    ["12к", "12К"], // the letter К, not a block
    ["12 к2", "12 к2"],
    ["12к2", "12 к2"],
    ["12 корп. 2", "12 к2"],
    ["12 корп 2", "12 к2"],
    ["12 корпус 2", "12 к2"],
    ["12 к.2", "12 к2"],
    ["12  К  2", "12 к2"],
    ["12а к2", "12А к2"],
    ["12 стр1", "12 с1"],
    ["12 строение 1", "12 с1"],
    ["12 стр. 1", "12 с1"],
    ["12 с1", "12 с1"],
    ["12 к2 с1", "12 к2 с1"],
    ["12/1", "12/1"],
    ["12 / 1", "12/1"],
    ["12/1а", "12/1А"],
    ["１２а", "12А"], // full-width digits (NFKC)
  ])("%j → %j", (raw, expected) => {
    expect(normalizeHouseNumber(raw)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["а12"],
    ["дом"],
    ["0"],
    ["12 ab"],
    ["12 к"], // a block without its number is the letter К only when attached… here it is "12К"
    ["12\u0000"],
    ["12\u202e"],
    ["12\tа"],
    ["1".repeat(21)],
    ["123456"],
    ["12 корпус 2 строение 3 и ещё"],
    ["12D"], // not a Russian house letter
    ["12/0"],
  ])("%j is not a house number", (raw) => {
    if (raw === "12 к") {
      // "12 к" reads as the letter К, like "12 а".
      expect(normalizeHouseNumber(raw)).toBe("12К");
      return;
    }
    expect(normalizeHouseNumber(raw)).toBeNull();
  });
});

describe("parseHouseSet", () => {
  it("reads ranges with sides and single houses, and writes them canonically", () => {
    const houses = set("1–25 нечёт; 2-30 четные, 12А, 12 корп. 2, 40/1");
    expect(houses.ranges).toEqual([
      { from: 1, to: 25, side: "odd" },
      { from: 2, to: 30, side: "even" },
    ]);
    expect(formatHouseSet(houses)).toBe("1-25 нечёт, 2-30 чёт, 12 к2, 12А, 40/1");
    // The canonical text parses back to the same set.
    expect(set(formatHouseSet(houses))).toEqual(houses);
  });

  it("accepts every spelling of the sides", () => {
    for (const word of ["нечёт", "нечет", "нечётные", "нечетные", "odd"]) {
      expect(set(`1-9 ${word}`).ranges[0]?.side).toBe("odd");
    }
    for (const word of ["чёт", "чет", "чётные", "четные", "even"]) {
      expect(set(`2-10 ${word}`).ranges[0]?.side).toBe("even");
    }
  });

  it("covers a range's numbers, and a side only its parity", () => {
    const plain = set("1-25");
    expect(houseInSet(plain, "1")).toBe(true);
    expect(houseInSet(plain, "14")).toBe(true);
    expect(houseInSet(plain, "25")).toBe(true);
    expect(houseInSet(plain, "26")).toBe(false);
    const odd = set("1-25 нечёт");
    expect(houseInSet(odd, "13")).toBe(true);
    expect(houseInSet(odd, "14")).toBe(false);
    expect(houseInSet(odd, "27")).toBe(false);
    const even = set("2-30 чёт");
    expect(houseInSet(even, "2")).toBe(true);
    expect(houseInSet(even, "30")).toBe(true);
    expect(houseInSet(even, "13")).toBe(false);
    expect(houseInSet(even, "32")).toBe(false);
  });

  it("decides letters, blocks and fractions under a range by the integer part", () => {
    const even = set("2-30 чёт");
    expect(houseInSet(even, "12А")).toBe(true);
    expect(houseInSet(even, "12 к2")).toBe(true);
    expect(houseInSet(even, "12/1")).toBe(true);
    expect(houseInSet(even, "13А")).toBe(false);
    expect(houseInSet(even, "13 к2")).toBe(false);
    expect(houseInSet(even, "32А")).toBe(false);
  });

  it("matches single houses exactly", () => {
    const houses = set("12А, 12 к2, 5");
    expect(houseInSet(houses, "12А")).toBe(true);
    expect(houseInSet(houses, "12 к2")).toBe(true);
    expect(houseInSet(houses, "5")).toBe(true);
    expect(houseInSet(houses, "12")).toBe(false);
    expect(houseInSet(houses, "12Б")).toBe(false);
    expect(houseInSet(houses, "5А")).toBe(false);
  });

  it("covers the whole street with «все»", () => {
    for (const spec of ["все", "Все дома", "ВСЕ", "все, 12"]) {
      const houses = set(spec);
      expect(houses.whole).toBe(true);
      expect(formatHouseSet(houses)).toBe("все");
      expect(houseInSet(houses, "1")).toBe(true);
      expect(houseInSet(houses, "127 к3")).toBe(true);
    }
  });

  it("lets a house belong to two territories", () => {
    // The even side up to 30 goes to one school, 10–40 to another: 12А and 20 are in both.
    const first = set("2-30 чёт");
    const second = set("10-40, 1-9 нечёт");
    for (const house of ["12А", "20"]) {
      expect(houseInSet(first, house)).toBe(true);
      expect(houseInSet(second, house)).toBe(true);
    }
    expect(houseInSet(first, "7")).toBe(false);
    expect(houseInSet(second, "7")).toBe(true);
    expect(houseInSet(second, "4")).toBe(false);
  });

  it("drops repeats", () => {
    expect(formatHouseSet(set("12, 12, 1-5, 1-5, 12а, 12А"))).toBe("1-5, 12, 12А");
  });

  it.each([
    ["", "territory.emptyHouses", undefined],
    ["   ", "territory.emptyHouses", undefined],
    ["1-5,, 7", "territory.emptyPart", undefined],
    ["1-5,", "territory.emptyPart", undefined],
    ["25-1", "territory.reversedRange", "25-1"],
    ["1-25 через один", "territory.badSide", "1-25 через один"],
    ["1-5, дом", "territory.badHouses", "дом"],
    ["0-5", "territory.badHouses", "0-5"],
    ["1А-5", "territory.badHouses", "1А-5"],
    ["12\u0000", "territory.badCharacters", undefined],
    [Array.from({ length: 201 }, (_, i) => String(i + 1)).join(","), "territory.tooManyParts", undefined],
  ])("refuses %j", (spec, error, part) => {
    const result = parseHouseSet(spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.part).toBe(part);
  });

  it("accepts 200 parts", () => {
    const spec = Array.from({ length: 200 }, (_, i) => String(i + 1)).join(", ");
    expect(set(spec).houses).toHaveLength(200);
  });
});

describe("compareHouseNumbers", () => {
  it("orders naturally", () => {
    expect(["12 к2", "2", "12А", "12", "100", "12/1"].sort(compareHouseNumbers)).toEqual([
      "2",
      "12",
      "12 к2",
      "12/1",
      "12А",
      "100",
    ]);
  });
});

describe("normalizeStreetName", () => {
  it.each([
    ["ул. Московская", "московская"],
    ["улица Московская", "московская"],
    ["Московская ул.", "московская"],
    ["МОСКОВСКАЯ", "московская"],
    ["ул.Московская", "московская"],
    ["Проспект Победы", "победы"],
    ["пр. Победы", "победы"],
    ["пер. Тихий", "тихий"],
    ["переулок Тихий", "тихий"],
    ["Окружное ш.", "окружное"],
    ["шоссе Окружное", "окружное"],
    ["пл. Ленина", "ленина"],
    ["площадь Ленина", "ленина"],
    ["б-р Жуковского", "жуковского"],
    ["бульвар Жуковского", "жуковского"],
    ["проезд Берёзовый", "березовый"],
    ["Берёзовый проезд", "березовый"],
    ["  ул.   Карла   Маркса ", "карла маркса"],
    ["Проезд", "проезд"],
  ])("%j → %j", (name, expected) => {
    expect(normalizeStreetName(name)).toBe(expected);
  });

  it("keeps words that only start like a street type", () => {
    expect(normalizeStreetName("Пролетарская")).toBe("пролетарская");
    expect(normalizeStreetName("Шуйская")).toBe("шуйская");
    expect(normalizeStreetName("Улитина")).toBe("улитина");
  });
});

describe("range sides as acts write them", () => {
  it.each([
    ["1-25 (нечётная сторона)", "odd"],
    ["1-25 нечет.", "odd"],
    ["2-30 чётная сторона", "even"],
    ["2 - 30", "all"],
    ["2 — 30 чет", "even"],
  ])("%j", (spec, side) => {
    expect(set(spec).ranges[0]?.side).toBe(side);
  });
});
