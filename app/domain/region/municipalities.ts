import type { Localized } from "~/domain/i18n/localized";

/*
 * Municipalities of Penza oblast by ОКТМО code, for structured addresses (school catchment areas
 * are drawn per municipality). The urban okrugs and the districts whose codes were checked against
 * the ОКТМО classifier (ОК 033-2013); the rest of the 27 districts are to be added from it as data,
 * not guessed.
 */
export const MUNICIPALITIES: { oktmo: string; name: Localized }[] = [
  { oktmo: "56701000", name: { ru: "город Пенза", en: "Penza (city)" } },
  { oktmo: "56705000", name: { ru: "город Кузнецк", en: "Kuznetsk (city)" } },
  { oktmo: "56734000", name: { ru: "ЗАТО город Заречный", en: "Zarechny (closed city)" } },
  { oktmo: "56603000", name: { ru: "Башмаковский район", en: "Bashmakovsky district" } },
  { oktmo: "56644000", name: { ru: "Малосердобинский район", en: "Maloserdobinsky district" } },
  { oktmo: "56647000", name: { ru: "Наровчатский район", en: "Narovchatsky district" } },
  { oktmo: "56654000", name: { ru: "Пачелмский район", en: "Pachelmsky district" } },
];

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.oktmo);
