/*
 * Reading an address a parent types in one line ("Пенза, ул. Московская, 12А", "Московская 12 к2")
 * into its parts, so the school lookup can match the street and the house against the address list.
 * Pure: no database, no framework. Matching itself (ё/е, "ул."/"улица", "12а" → "12А") is done by
 * the territory module's normalizers; this only decides which words are which.
 */

export type AddressQuery = {
  /** The town or village, without "г."/"с."… ("Пенза"), when the text names one. */
  settlement?: string;
  /** The street as typed, prefix included ("ул. Московская"). */
  street: string;
  /** The house number as typed ("12А", "12 к2"), when the text has one. */
  house?: string;
};

const MAX_LENGTH = 200;

/** Settlement prefixes: город, село, рабочий посёлок, посёлок, деревня. */
const SETTLEMENT_PREFIX =
  /^(?:(?:г|гор|с|п|д|дер|пос|рп|пгт|р\.\s?п)\.\s*|(?:город|село|посёлок|поселок|деревня|рп|пгт|г)\s+)/i;
/** Parts that name the region or the district, not the settlement: dropped. */
const REGION_PART = /(?:обл\.?|область|край|р-н|район|россия)$/i;
/** A flat: the end of an address, not needed to find the school. */
const FLAT = /[\s,]+(?:кв\.?|квартира|комн\.?|комната|оф\.?)\s*\d+\S*\s*$/i;
/** A house number at the end: "12", "д. 12", "дом 12А", "12 к2", "12/1", "12 корп. 2", "12 стр. 1". */
const HOUSE_AT_END =
  /(?:^|[\s,]+)(?:д\.|дом)?\s*(\d{1,4}(?:\s?[а-яё](?![а-яё.]))?(?:\s*\/\s*\d{1,4}[а-яё]?)?(?:\s*(?:к\.?|корп\.?|корпус|стр\.?|строение)\s*\d{1,3})?)$/i;
/** A part that is nothing but a house number. */
const HOUSE_ONLY =
  /^(?:д\.|дом)?\s*(\d{1,4}(?:\s?[а-яё](?![а-яё.]))?(?:\s*\/\s*\d{1,4}[а-яё]?)?(?:\s*(?:к\.?|корп\.?|корпус|стр\.?|строение)\s*\d{1,3})?)$/i;
/** Where a street begins inside a part that also names the settlement ("г. Пенза ул. Московская"). */
const STREET_PREFIX =
  /(?:^|\s)(?:ул\.|улица|пр\.|пр-т|просп\.|проспект|пер\.|переулок|пл\.|площадь|б-р|бульвар|ш\.|шоссе|проезд|пр-д|наб\.|набережная|туп\.|тупик|мкр\.?|микрорайон)(?=\s|$)/i;

/**
 * Splits one line of address into settlement, street and house. `knownSettlements` are the names
 * of the address list's settlements ("Пенза", "Кузнецк"), so a bare "Пенза Московская 12" is read
 * right without a "г.". Returns null when there is no street to look for.
 */
export function parseAddressQuery(text: string, knownSettlements: readonly string[] = []): AddressQuery | null {
  let rest = text.slice(0, MAX_LENGTH).replace(/\s+/g, " ").trim();
  rest = rest.replace(FLAT, "").trim();
  if (!rest) return null;

  const parts = rest
    .split(/\s*[,;]\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !/^\d{6}$/.test(p) && !REGION_PART.test(p));
  if (parts.length === 0) return null;

  let house: string | undefined;
  // "…, 12А" — the house in a part of its own.
  const lastPart = parts[parts.length - 1]!;
  const houseOnly = HOUSE_ONLY.exec(lastPart);
  if (houseOnly && parts.length > 1) {
    house = tidyHouse(houseOnly[1]!);
    parts.pop();
  } else {
    // "…Московская 12 к2" — the house at the end of the street's part.
    const tail = HOUSE_AT_END.exec(lastPart);
    if (tail && tail.index > 0) {
      house = tidyHouse(tail[1]!);
      parts[parts.length - 1] = lastPart.slice(0, tail.index).trim();
    }
  }

  let streetPart = parts.pop()!;
  let settlement = parts.length > 0 ? settlementName(parts[parts.length - 1]!) : undefined;

  // One part naming both: "г. Пенза ул. Московская", "Пенза Московская".
  if (!settlement) {
    const split = splitSettlement(streetPart, knownSettlements);
    if (split) ({ settlement, street: streetPart } = split);
  }
  streetPart = streetPart.replace(/^[\s.,-]+|[\s,]+$/g, "");
  if (!streetPart || /^\d+$/.test(streetPart)) return null;
  return {
    ...(settlement ? { settlement } : {}),
    street: streetPart,
    ...(house ? { house } : {}),
  };
}

function tidyHouse(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

function settlementName(part: string): string | undefined {
  const name = part.replace(SETTLEMENT_PREFIX, "").trim();
  return name || undefined;
}

function splitSettlement(
  part: string,
  knownSettlements: readonly string[],
): { settlement: string; street: string } | null {
  if (SETTLEMENT_PREFIX.test(part)) {
    const withoutPrefix = part.replace(SETTLEMENT_PREFIX, "");
    const streetAt = STREET_PREFIX.exec(withoutPrefix);
    if (streetAt && streetAt.index > 0) {
      return {
        settlement: withoutPrefix.slice(0, streetAt.index).trim(),
        street: withoutPrefix.slice(streetAt.index).trim(),
      };
    }
    // "г. Пенза Московская": the settlement is the first word.
    const [first, ...others] = withoutPrefix.split(" ");
    if (first && others.length > 0) return { settlement: first, street: others.join(" ") };
  }
  const lower = part.toLowerCase().replace(/ё/g, "е");
  for (const known of knownSettlements) {
    const name = known.toLowerCase().replace(/ё/g, "е");
    if (lower.startsWith(name + " ") && part.length > name.length + 1) {
      return { settlement: known, street: part.slice(name.length + 1).trim() };
    }
  }
  return null;
}
