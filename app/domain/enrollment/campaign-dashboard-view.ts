import type { Language } from "~/domain/i18n/localized";
import { formatDate, formatDateTime, formatTime } from "~/domain/region/dates";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { formatNumber } from "~/domain/region/numbers";
import type { CampaignDashboard } from "./campaign-dashboard.server";
import { withheldForOpenData, type CampaignPhase, type SchoolDemand } from "./campaign-dashboard";

/*
 * The dashboard as its page and its open data show it. The page gets text made here, on the server,
 * in the reader's language and the region's time (so the browser's Intl data cannot change what the
 * page says); the open data gets numbers and ISO instants. Neither carries anything about a person.
 */

const municipalityName = (oktmo: string, language: Language) =>
  MUNICIPALITIES.find((m) => m.oktmo === oktmo)?.name[language] ?? oktmo;

/** "1,85"; "—" without places. */
export function formatDemand(demand: number | null, language: Language): string {
  return demand === null ? "—" : formatNumber(demand, language, 2);
}

const count = (n: number | null, language: Language) => (n === null ? "—" : formatNumber(n, language, 0));

function phaseView(phase: CampaignPhase, language: Language) {
  switch (phase.kind) {
    case "beforeStage1":
    case "between":
      return { kind: phase.kind, at: formatDateTime(phase.next, language) };
    case "stage1":
    case "stage2":
      return { kind: phase.kind, at: formatDateTime(phase.until, language) };
    case "over":
      return { kind: phase.kind, at: null };
  }
}

function schoolRow(s: SchoolDemand, language: Language) {
  return {
    code: s.code,
    name: language === "en" ? s.nameEn : s.name,
    municipality: municipalityName(s.oktmo, language),
    district: s.district,
    places: count(s.places, language),
    live: count(s.live, language),
    inTerritory: count(s.inTerritory, language),
    withPriority: count(s.withPriority, language),
    enrolled: count(s.enrolled, language),
    free: count(s.free, language),
    demand: formatDemand(s.demand, language),
    /** More applications than places: the page marks the row in words, not only by colour. */
    oversubscribed: s.demand !== null && s.demand > 1,
  };
}

/** What the dashboard page shows, as text. */
export function dashboardPageView(d: CampaignDashboard, language: Language) {
  const c = d.campaign;
  const minuteLabel = (from: Date) => formatTime(from, language);
  const n = (value: number) => formatNumber(value, language, 0);
  return {
    year: c.year,
    stored: d.stored,
    dates: {
      stage1OpensAt: formatDateTime(c.stage1OpensAt, language),
      stage1EndsAt: formatDateTime(c.stage1EndsAt, language),
      stage2OpensAt: formatDateTime(c.stage2OpensAt, language),
      stage2EndsAt: formatDateTime(c.stage2EndsAt, language),
      schoolsPerChild1: c.schoolsPerChild[1],
      schoolsPerChild2: c.schoolsPerChild[2],
    },
    phase: phaseView(d.phase, language),
    asOf: formatDateTime(d.now, language),
    opening: {
      opensAt: formatDateTime(d.opening.opensAt, language),
      opened: d.opening.minutes.length > 0,
      // Points for the chart and its table: the minute's start in Moscow time, and its count.
      minutes: d.opening.minutes.map((m) => ({
        key: `m${m.bucket}`,
        axisLabel: minuteLabel(m.from),
        label: `${minuteLabel(m.from)}–${minuteLabel(new Date(m.from.getTime() + 60_000))}`,
        value: m.count,
      })),
      hours: d.opening.hours.map((h) => ({
        key: `h${h.bucket}`,
        axisLabel: minuteLabel(h.from),
        label: `${formatDateTime(h.from, language)} – ${minuteLabel(new Date(h.from.getTime() + 3_600_000))}`,
        value: h.count,
      })),
      days: d.opening.days.map((day) => ({
        date: day.date,
        label: formatDate(day.date, language),
        count: n(day.count),
      })),
      firstHour: n(d.opening.minutes.reduce((sum, m) => sum + m.count, 0)),
      firstDay: n(d.opening.hours.reduce((sum, h) => sum + h.count, 0)),
      peak: d.opening.peakMinute
        ? { at: formatDateTime(d.opening.peakMinute.from, language), count: n(d.opening.peakMinute.count) }
        : null,
    },
    stages: d.stages.map((s) => ({
      stage: s.stage,
      live: n(s.live),
      received: n(s.received),
      byClass: s.byClass.map(n),
    })),
    schools: d.schools.map((s) => schoolRow(s, language)),
    totals: {
      places: n(d.totals.places),
      live: n(d.totals.live),
      inTerritory: n(d.totals.inTerritory),
      withPriority: n(d.totals.withPriority),
      enrolled: n(d.totals.enrolled),
      free: n(d.totals.free),
      demand: formatDemand(d.totals.places > 0 ? d.totals.live / d.totals.places : null, language),
    },
    freeSchools: d.freeSchools.map((s) => schoolRow(s, language)),
  };
}

const iso = (d: Date) => d.toISOString();

/** The open data (GET /api/enrollment/campaign): the same aggregates as numbers, instants in ISO 8601 UTC. */
export function dashboardOpenData(d: CampaignDashboard, language: Language) {
  const c = d.campaign;
  return {
    year: c.year,
    language,
    generatedAt: iso(d.now),
    campaign: {
      stage1OpensAt: iso(c.stage1OpensAt),
      stage1EndsAt: iso(c.stage1EndsAt),
      stage2OpensAt: iso(c.stage2OpensAt),
      stage2EndsAt: iso(c.stage2EndsAt),
      schoolsPerChild: { stage1: c.schoolsPerChild[1], stage2: c.schoolsPerChild[2] },
      openStage: d.phase.kind === "stage1" ? 1 : d.phase.kind === "stage2" ? 2 : null,
    },
    opening: {
      opensAt: iso(d.opening.opensAt),
      perMinute: d.opening.minutes.map((m) => ({ minute: m.bucket, from: iso(m.from), count: m.count })),
      perHour: d.opening.hours.map((h) => ({ hour: h.bucket, from: iso(h.from), count: h.count })),
      perDay: d.opening.days,
      peakMinute: d.opening.peakMinute
        ? { from: iso(d.opening.peakMinute.from), count: d.opening.peakMinute.count }
        : null,
    },
    stages: d.stages.map((s) => ({
      stage: s.stage,
      live: s.live,
      received: s.received,
      byClass: { extraordinary: s.byClass[0], first: s.byClass[1], sibling: s.byClass[2], none: s.byClass[3] },
    })),
    schools: d.schools.map((s) => ({
      code: s.code,
      name: language === "en" ? s.nameEn : s.name,
      oktmo: s.oktmo,
      district: s.district,
      places: s.places,
      applications: s.live,
      ...withheldForOpenData(s),
      enrolled: s.enrolled,
      freePlaces: s.free,
      demand: s.demand === null ? null : Math.round(s.demand * 1000) / 1000,
    })),
    schoolsWithFreePlaces: d.freeSchools.map((s) => s.code),
  };
}
