import type { Localized } from "~/domain/i18n/localized";

/*
 * Municipalities of Penza oblast by ОКТМО code, for structured addresses (school catchment areas
 * are drawn per municipality). The urban okrugs and the districts confirmed in DOMAIN.md; the rest
 * of the 27 districts are to be added from the ОКТМО registry as data, not guessed.
 */
export const MUNICIPALITIES: { oktmo: string; name: Localized }[] = [
  { oktmo: "56701000", name: { ru: "город Пенза", en: "Penza (city)" } },
  { oktmo: "56705000", name: { ru: "город Кузнецк", en: "Kuznetsk (city)" } },
  { oktmo: "56734000", name: { ru: "ЗАТО город Заречный", en: "Zarechny (closed city)" } },
  { oktmo: "56603000", name: { ru: "Башмаковский район", en: "Bashmakovsky district" } },
];

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.oktmo);
