import { describe, expect, it } from "vitest";
import { ANNEX_MAX_ROWS, detectSeparator, parseTerritoryAnnex } from "./territory-import";

function rows(csv: string) {
  const result = parseTerritoryAnnex(csv);
  if (!result.ok) throw new Error(result.error);
  return result.rows;
}

describe("parseTerritoryAnnex", () => {
  it("reads a semicolon file with Russian headers, a BOM and CRLF", () => {
    const csv =
      "\uFEFFшкола;ОКТМО;населённый пункт;улица;дома\r\n112;56701000;Пенза;ул. Московская;1-25 нечёт, 2-30 чёт\r\n";
    expect(rows(csv)).toEqual([
      {
        line: 2,
        school: "112",
        oktmo: "56701000",
        settlement: "Пенза",
        street: "ул. Московская",
        houses: "1-25 нечёт, 2-30 чёт",
      },
    ]);
  });

  it("reads a comma file with English headers in another order, quoted fields and LF", () => {
    const csv = 'street,houses,school\n"Moskovskaya ""Old""","1-5, 12А",112\nЛенина,все,113';
    expect(rows(csv)).toEqual([
      { line: 2, school: "112", oktmo: "", settlement: "", street: 'Moskovskaya "Old"', houses: "1-5, 12А" },
      { line: 3, school: "113", oktmo: "", settlement: "", street: "Ленина", houses: "все" },
    ]);
  });

  it("keeps line numbers across quoted line breaks and blank lines, ignoring extra columns", () => {
    const csv = '№;школа;улица;дома;примечание\n1;112;Московская;"1-5,\n7";\n\n2;113;Ленина;все;x\n';
    const result = rows(csv);
    expect(result.map((r) => r.line)).toEqual([2, 5]);
    expect(result[0]!.houses).toBe("1-5,\n7");
  });

  it("detects the separator from the header", () => {
    expect(detectSeparator("школа;улица;дома")).toBe(";");
    expect(detectSeparator("школа,улица,дома")).toBe(",");
    expect(detectSeparator("школа\tулица\tдома")).toBe("\t");
    expect(detectSeparator('"школа, код";улица;дома')).toBe(";");
  });

  it("reads a tab-separated file", () => {
    expect(rows("школа\tулица\tдома\n112\tМосковская\t1-5")[0]!.street).toBe("Московская");
  });

  it.each([
    ["", "territoryImport.empty"],
    ["\uFEFF\n\n", "territoryImport.empty"],
    ["112;Московская;1-5\n113;Ленина;все", "territoryImport.noHeader"],
    ["школа;улица\n112;Московская", "territoryImport.missingColumns"],
    ['школа;улица;дома\n112;"Московская;1-5', "territoryImport.unclosedQuote"],
  ])("refuses %j as a whole", (csv, error) => {
    const result = parseTerritoryAnnex(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it("names the missing columns", () => {
    const result = parseTerritoryAnnex("школа;улица\n112;Московская");
    expect(result).toMatchObject({ ok: false, params: { columns: "дома / houses" } });
  });

  it("takes 5,000 rows and refuses more, and refuses files over 2 MB", () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `112;Улица ${i};все`).join("\n");
    expect(rows(`школа;улица;дома\n${body(ANNEX_MAX_ROWS)}`)).toHaveLength(ANNEX_MAX_ROWS);
    expect(parseTerritoryAnnex(`школа;улица;дома\n${body(ANNEX_MAX_ROWS + 1)}`)).toMatchObject({
      ok: false,
      error: "territoryImport.tooManyRows",
    });
    // Cyrillic is two bytes a letter: 1.1 million letters are over 2 MB.
    expect(parseTerritoryAnnex(`школа;улица;дома\n112;${"ю".repeat(1_100_000)};все`)).toMatchObject({
      ok: false,
      error: "territoryImport.tooLarge",
    });
  });
});
