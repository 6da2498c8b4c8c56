import type { PrismaClient } from "~/generated/prisma/client";
import { readServiceDetails } from "~/domain/catalogue/service-content";
import { pick, type Language } from "~/domain/i18n/localized";
import { parseStatus, type Status } from "~/domain/applications/lifecycle";
import { regionDate } from "~/domain/region/clock";
import { formatDate, formatMonth } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { measuresOfPackage } from "./measure-store.server";
import { entitlement } from "./measures";
import { familyFromAnswers } from "./package-cases.server";

/*
 * The resident's one view of a package application (docs/social-support.md): each measure's case with
 * its status, deadline, decision and payments; the certificate; the measures not opened and why.
 * A measure's own case page links back here.
 */
export type MeasureView = {
  code: string;
  title: string;
  number: string;
  status: Status;
  deadline: string | null;
  /** The department's words with a refusal, and the ground's title. */
  refusal: { reason: string | null; ground: string | null } | null;
  /** An amount, or a share of the month's bill (percent). */
  payments: { month: string; amount: string | null; percent: number | null }[];
  /** This measure is decided in the package application itself. */
  own: boolean;
  /** What the department asks while the case waits for the resident (answered on the case's page). */
  request: string | null;
};

export type PackageView =
  | {
      kind: "package";
      measures: MeasureView[];
      /** The other measures' status changes, for the package's one timeline (submission and forwarding left out). */
      events: { id: number; at: Date; status: Status; command: string; measure: string }[];
      notOpened: { title: string; reason: "not-asked" | "not-large-family" | "no-children-of-age" }[];
      certificate: { number: string; issuedOn: string; validUntil: string } | null;
    }
  | { kind: "measure"; packageNumber: string; title: string };

const WAITING: readonly Status[] = ["waitingForInfo", "needsCorrection"];

export async function packageView(
  db: PrismaClient,
  application: {
    id: string;
    parentId: string | null;
    measureCode: string | null;
    applicantId: string | null;
    answers: string;
    serviceId: number;
  },
  language: Language,
  now?: Date,
): Promise<PackageView | null> {
  if (!application.measureCode) return null;
  const measure = await db.supportMeasure.findUnique({ where: { code: application.measureCode } });
  if (!measure) return null;
  if (application.parentId) {
    const parent = await db.application.findUnique({ where: { id: application.parentId }, select: { number: true } });
    if (!parent?.number) return null;
    return {
      kind: "measure",
      packageNumber: parent.number,
      title: pick({ ru: measure.titleRu, en: measure.titleEn }, language),
    };
  }
  const measures = (await measuresOfPackage(db, measure.packageServiceCode)) ?? [];
  const cases = await db.application.findMany({
    where: { OR: [{ id: application.id }, { parentId: application.id }] },
    select: {
      id: true,
      number: true,
      status: true,
      deadline: true,
      measureCode: true,
      service: { select: { details: true } },
      payments: { orderBy: { month: "asc" } },
      events: {
        where: { command: { notIn: ["submit", "forward", "assign"] } },
        orderBy: { id: "asc" },
        select: { id: true, at: true, toStatus: true, command: true, reason: true, ground: true },
      },
      resultDocument: true,
      messages: { where: { author: "department" }, orderBy: { id: "desc" }, take: 1, select: { text: true } },
    },
  });
  const byMeasure = new Map(cases.map((c) => [c.measureCode, c]));
  const answers = JSON.parse(application.answers) as Record<string, unknown>;
  const asked = new Set(Array.isArray(answers.measures) ? answers.measures.map(String) : []);
  const family = await familyFromAnswers(db, application.applicantId, answers);
  const today = regionDate(now);
  const opened: MeasureView[] = [];
  const notOpened: Extract<PackageView, { kind: "package" }>["notOpened"] = [];
  let certificate: Extract<PackageView, { kind: "package" }>["certificate"] = null;
  const events: Extract<PackageView, { kind: "package" }>["events"] = [];
  for (const m of measures) {
    const title = pick(m.title, language);
    const found = byMeasure.get(m.code);
    if (!found?.number) {
      const right = entitlement(m.terms, family, today);
      notOpened.push({ title, reason: !asked.has(m.code) ? "not-asked" : right.entitled ? "not-asked" : right.reason });
      continue;
    }
    const refusal = found.events.find((e) => e.command === "refuse");
    if (found.id !== application.id) {
      for (const e of found.events)
        events.push({ id: e.id, at: e.at, status: parseStatus(e.toStatus), command: e.command, measure: title });
    }
    const grounds = readServiceDetails(found.service.details)?.refusalGrounds ?? [];
    const ground = grounds.find((g) => g.code === refusal?.ground);
    opened.push({
      code: m.code,
      title,
      number: found.number,
      status: parseStatus(found.status),
      deadline: found.deadline ? formatDate(found.deadline, language) : null,
      refusal: refusal ? { reason: refusal.reason, ground: ground ? pick(ground.title, language) : null } : null,
      payments: found.payments.map((p) => ({
        month: formatMonth(p.month, language),
        amount: p.amountKopecks !== null ? formatRubles(p.amountKopecks, language) : null,
        percent: p.percent,
      })),
      own: found.id === application.id,
      request: WAITING.includes(parseStatus(found.status)) ? (found.messages[0]?.text ?? null) : null,
    });
    if (found.resultDocument) {
      certificate = {
        number: found.resultDocument.number,
        issuedOn: formatDate(found.resultDocument.issuedOn, language),
        validUntil: formatDate(found.resultDocument.validUntil, language),
      };
    }
  }
  return { kind: "package", measures: opened, events, notOpened, certificate };
}
