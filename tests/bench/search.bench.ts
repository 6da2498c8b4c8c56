/*
 * `npm run bench:search`: the catalogue search over a synthetic catalogue of 5,000 services
 * (ru + en): index build time and memory, then per-query latency percentiles. Prints figures,
 * asserts nothing.
 */
import { buildSearchIndex, searchIndex } from "~/domain/search/search-index";
import type { SearchDocument } from "~/domain/search/search-index";
import { percentile } from "./load";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 5000);
const RUNS = 200;

// A deterministic generator: mulberry32.
let seed = 58;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

const ru = {
  actions: [
    "Выдача",
    "Запись",
    "Постановка на учёт",
    "Назначение",
    "Компенсация",
    "Оплата",
    "Регистрация",
    "Предоставление",
    "Перерасчёт",
    "Приём заявлений",
  ],
  objects: [
    "удостоверения",
    "пособия",
    "субсидии",
    "справки",
    "разрешения",
    "лицензии",
    "выплаты",
    "места",
    "путёвки",
    "сертификата",
  ],
  topics: [
    "многодетной семье",
    "в детский сад",
    "в первый класс",
    "на оплату ЖКУ",
    "на школьную форму",
    "пенсионерам",
    "инвалидам",
    "на строительство",
    "в кружки и секции",
    "ветеранам труда",
    "на проезд",
    "на земельный участок",
  ],
  places: ["Пензенской области", "города Пензы", "Кузнецка", "Заречного", "Башмаковского района"],
};
const en = {
  actions: [
    "Issue of",
    "Enrollment in",
    "Registration for",
    "Assignment of",
    "Compensation of",
    "Payment of",
    "Provision of",
    "Recalculation of",
  ],
  objects: ["certificate", "allowance", "subsidy", "permit", "licence", "payment", "place", "voucher"],
  topics: [
    "large families",
    "kindergarten",
    "first grade",
    "utility bills",
    "school uniform",
    "pensioners",
    "disabled people",
    "construction",
    "clubs and sections",
    "labour veterans",
    "public transport",
    "land plots",
  ],
};

const documents: SearchDocument[] = [];
for (let id = 1; id <= SERVICES; id++) {
  const titleRu = `${pick(ru.actions)} ${pick(ru.objects)} ${pick(ru.topics)} ${pick(ru.places)}`;
  const titleEn = `${pick(en.actions)} ${pick(en.objects)} for ${pick(en.topics)}`;
  documents.push({
    id,
    language: "ru",
    fields: {
      title: titleRu,
      keywords: `${pick(ru.topics)}, ${pick(ru.objects)}`,
      summary: `${pick(ru.actions)} ${pick(ru.objects)} ${pick(ru.topics)}`,
      description: `${titleRu}. ${pick(ru.actions)} ${pick(ru.objects)} ${pick(ru.topics)} ${pick(ru.places)}. Срок предоставления услуги — десять рабочих дней.`,
      category: pick(["Образование", "Социальная поддержка", "ЖКХ", "Транспорт", "Здоровье"]),
    },
  });
  documents.push({
    id,
    language: "en",
    fields: {
      title: titleEn,
      keywords: `${pick(en.topics)}, ${pick(en.objects)}`,
      summary: `${pick(en.actions)} ${pick(en.objects)} for ${pick(en.topics)}`,
      description: `${titleEn}. Processed within ten working days.`,
      category: pick(["Education", "Social support", "Housing", "Transport", "Health"]),
    },
  });
}

const heapBefore = process.memoryUsage().heapUsed;
let t0 = performance.now();
const index = buildSearchIndex(documents);
const buildMs = performance.now() - t0;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
console.log(
  `catalogue: ${SERVICES} services × 2 languages; index built in ${buildMs.toFixed(0)} ms, ~${heapMb.toFixed(1)} MB heap`,
);

const queries: [string, "ru" | "en"][] = [
  ["школа", "ru"],
  ["запись ребенка в школу", "ru"],
  ["шкла", "ru"],
  ["многодетн", "ru"],
  ["детский сад", "ru"],
  ["пособие многодетным", "ru"],
  ["компенсацыя жку", "ru"],
  ["справка", "ru"],
  ["зем", "ru"],
  ["разрешение на строительство кузнецк", "ru"],
  ["ветеран труда", "ru"],
  ["проезд пенсионерам", "ru"],
  ["лицензя", "ru"],
  ["ываыва", "ru"],
  ["school enrollment", "en"],
  ["kindergarden", "en"],
  ["large family allowance", "en"],
  ["utility", "en"],
  ["permit construction", "en"],
  ["transprot", "en"],
];

const all: number[] = [];
console.log(`${RUNS} runs per query:`);
for (const [query, language] of queries) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    found = searchIndex(index, query, language).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(
    `  ${`«${query}» (${language})`.padEnd(44)} ${String(found).padStart(5)} hits  p50 ${percentile(times, 50).toFixed(3)} ms  p95 ${percentile(times, 95).toFixed(3)} ms`,
  );
}
all.sort((a, b) => a - b);
const totalSeconds = all.reduce((s, t) => s + t, 0) / 1000;
console.log(
  `all queries: p50 ${percentile(all, 50).toFixed(3)} ms  p95 ${percentile(all, 95).toFixed(3)} ms  p99 ${percentile(all, 99).toFixed(3)} ms  ${(all.length / totalSeconds).toFixed(0)} queries/s`,
);
