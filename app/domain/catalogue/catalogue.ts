import type { Language, Localized } from "~/domain/i18n/localized";
import type { DeliveryMode, ServiceDetails, ServiceLevel } from "~/domain/catalogue/service-content";
import type { SearchDocument, SearchIndex } from "~/domain/search/search-index";
import { buildSearchIndex, searchIndex } from "~/domain/search/search-index";

/*
 * The published catalogue as one in-memory snapshot: a few thousand services at most, read on
 * every page by everyone, so it is loaded once and queried without the database.
 */

export type CatalogueService = {
  id: number;
  code: string;
  slug: string;
  categorySlug: string;
  departmentCode: string;
  level: ServiceLevel;
  deadlineDays: number;
  mszu: boolean;
  delivery: DeliveryMode;
  proactive: boolean;
  popularity: number;
  title: Localized;
  summary: Localized;
  description: Localized;
  keywords: Localized;
  lifeSituations: string[];
  details: ServiceDetails;
  currentVersion: number;
};

export type CatalogueCategory = { slug: string; title: Localized; description: Localized; position: number };
export type CatalogueLifeSituation = { slug: string; title: Localized; position: number };
export type CatalogueDepartment = { code: string; name: Localized };

export type CatalogueSnapshot = {
  services: CatalogueService[];
  serviceBySlug: Map<string, CatalogueService>;
  categories: CatalogueCategory[];
  lifeSituations: CatalogueLifeSituation[];
  departments: Map<string, CatalogueDepartment>;
  index: SearchIndex;
};

export function createSnapshot(input: {
  services: CatalogueService[];
  categories: CatalogueCategory[];
  lifeSituations: CatalogueLifeSituation[];
  departments: CatalogueDepartment[];
}): CatalogueSnapshot {
  const categoryTitle = new Map(input.categories.map((c) => [c.slug, c.title]));
  const documents: SearchDocument[] = input.services.flatMap((service) =>
    (["ru", "en"] as const).map((language) => ({
      id: service.id,
      language,
      rank: service.popularity,
      fields: {
        title: service.title[language],
        keywords: service.keywords[language],
        summary: service.summary[language],
        description: service.description[language],
        category: categoryTitle.get(service.categorySlug)?.[language] ?? "",
      },
    })),
  );
  const services = [...input.services].sort(byPopularity);
  return {
    services,
    serviceBySlug: new Map(services.map((s) => [s.slug, s])),
    categories: [...input.categories].sort((a, b) => a.position - b.position),
    lifeSituations: [...input.lifeSituations].sort((a, b) => a.position - b.position),
    departments: new Map(input.departments.map((d) => [d.code, d])),
    index: buildSearchIndex(documents),
  };
}

function byPopularity(a: CatalogueService, b: CatalogueService): number {
  return b.popularity - a.popularity || a.code.localeCompare(b.code);
}

/** What a list shows about a service, in one language. */
export type ServiceCard = {
  code: string;
  slug: string;
  title: string;
  summary: string;
  category: { slug: string; title: string };
  department: string;
  level: ServiceLevel;
  deadlineDays: number;
  mszu: boolean;
  delivery: DeliveryMode;
  proactive: boolean;
};

export function toCard(snapshot: CatalogueSnapshot, service: CatalogueService, language: Language): ServiceCard {
  const category = snapshot.categories.find((c) => c.slug === service.categorySlug);
  return {
    code: service.code,
    slug: service.slug,
    title: service.title[language],
    summary: service.summary[language],
    category: { slug: service.categorySlug, title: category?.title[language] ?? service.categorySlug },
    department: snapshot.departments.get(service.departmentCode)?.name[language] ?? service.departmentCode,
    level: service.level,
    deadlineDays: service.deadlineDays,
    mszu: service.mszu,
    delivery: service.delivery,
    proactive: service.proactive,
  };
}

export function getHome(snapshot: CatalogueSnapshot, language: Language, popularCount = 8) {
  const counts = countBy(snapshot.services, (s) => [s.categorySlug]);
  const situationCounts = countBy(snapshot.services, (s) => s.lifeSituations);
  return {
    categories: snapshot.categories.map((c) => ({
      slug: c.slug,
      title: c.title[language],
      description: c.description[language],
      count: counts.get(c.slug) ?? 0,
    })),
    popular: snapshot.services.slice(0, popularCount).map((s) => toCard(snapshot, s, language)),
    lifeSituations: snapshot.lifeSituations
      .map((l) => ({ slug: l.slug, title: l.title[language], count: situationCounts.get(l.slug) ?? 0 }))
      .filter((l) => l.count > 0),
    totalServices: snapshot.services.length,
  };
}

function countBy<T>(items: T[], keys: (item: T) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function getCategory(snapshot: CatalogueSnapshot, slug: string, language: Language) {
  const category = snapshot.categories.find((c) => c.slug === slug);
  if (!category) return null;
  return {
    slug: category.slug,
    title: category.title[language],
    description: category.description[language],
    services: snapshot.services.filter((s) => s.categorySlug === slug).map((s) => toCard(snapshot, s, language)),
  };
}

export type CatalogueQuery = {
  q: string;
  category?: string;
  lifeSituation?: string;
  /** Only services obtainable fully online, without a visit. */
  online?: boolean;
  mszu?: boolean;
  page: number;
  pageSize: number;
};

export type CatalogueResults = {
  services: ServiceCard[];
  total: number;
  page: number;
  pageCount: number;
};

/**
 * Search and filter. With words, the search ranks; without, the filtered catalogue is listed by
 * popularity, so the same page serves "browse with filters" too.
 */
export function findServices(snapshot: CatalogueSnapshot, query: CatalogueQuery, language: Language): CatalogueResults {
  const allowed = snapshot.services.filter(
    (s) =>
      (!query.category || s.categorySlug === query.category) &&
      (!query.lifeSituation || s.lifeSituations.includes(query.lifeSituation)) &&
      (!query.online || s.delivery === "online") &&
      (!query.mszu || s.mszu),
  );
  let ordered: CatalogueService[];
  if (query.q.trim() === "") {
    ordered = allowed;
  } else {
    const byId = new Map(allowed.map((s) => [s.id, s]));
    const options = { allowedIds: new Set(byId.keys()) };
    let hits = searchIndex(snapshot.index, query.q, language, options);
    // A Russian word typed in the English interface (or the reverse) still finds the service.
    if (hits.length === 0) hits = searchIndex(snapshot.index, query.q, language === "ru" ? "en" : "ru", options);
    ordered = hits.map((hit) => byId.get(hit.id)).filter((s): s is CatalogueService => s !== undefined);
  }
  const pageCount = Math.max(1, Math.ceil(ordered.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const start = (page - 1) * query.pageSize;
  return {
    services: ordered.slice(start, start + query.pageSize).map((s) => toCard(snapshot, s, language)),
    total: ordered.length,
    page,
    pageCount,
  };
}

/** Everything the service page shows, in one language. */
export function getServiceView(
  snapshot: CatalogueSnapshot,
  slug: string,
  language: Language,
  form: { steps: { title: Localized }[] } | null,
) {
  const service = snapshot.serviceBySlug.get(slug);
  if (!service) return null;
  const { details } = service;
  return {
    ...toCard(snapshot, service, language),
    description: service.description[language],
    applicants: details.applicants.map((a) => a[language]),
    documents: details.documents.map((d) => ({
      title: d.title[language],
      source: d.source,
      optional: d.optional,
    })),
    result: details.result[language],
    cost: details.cost?.[language] ?? null,
    refusalGrounds: details.refusalGrounds.map((g) => g.title[language]),
    visitNote: details.visitNote?.[language] ?? null,
    steps: form?.steps.map((s) => s.title[language]) ?? [],
    lifeSituations: snapshot.lifeSituations
      .filter((l) => service.lifeSituations.includes(l.slug))
      .map((l) => ({ slug: l.slug, title: l.title[language] })),
  };
}
