/*
 * `npm run bench:checks`: what the opening minute's requests cost in the process, without HTTP
 * and rendering, against a bare better-sqlite3 SELECT of the same row in the same run:
 * - a first-grade submission's checks before its write (checkSubmission: the draft, the form, the
 *   children, the profile, the documents, the address, the school, the campaign), run once per press;
 * - the draft's review page's reads (the session's user, the header's unread count, reviewPage: the
 *   draft, the campaign's window for it, a scheduled sending, its answers described), run on every
 *   reload until the application is acknowledged;
 * - the application page's reads after it (the session's user, the header's unread count, the page,
 *   its enrollment result, marking it read), run on every reload.
 * Their time per call bounds how many requests a process answers a second (docs/decisions/0037).
 *
 *   npm run bench:checks -- --n=500 --rounds=3
 */
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, sessionUser } from "~/domain/accounts/sessions.server";
import { getApplicationPage } from "~/domain/applications/application-view.server";
import { checkSubmission, submitApplication } from "~/domain/applications/applications.server";
import { reviewPage } from "~/domain/applications/review-page.server";
import { countUnread, markApplicationRead } from "~/domain/applications/notifications.server";
import { enrollmentResultView } from "~/domain/enrollment/enrollment-results.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { migrateDatabase } from "~/db/prepare-database.server";
import { seedDemoData } from "../../seeds/demo";
import { numberOption } from "./bench-kit";
import { chooseSchools, prepareParents } from "./opening-prepare";
import { openCampaignAt } from "./opening-schedule";

const N = numberOption("n", "BENCH_N", 500, 10, 100_000);
const ROUNDS = numberOption("rounds", "BENCH_ROUNDS", 3, 1, 20);

const dir = mkdtempSync(path.join(tmpdir(), "portal-checks-"));
const file = path.join(dir, "portal.db");
const url = `file:${file}`;
process.env.DATABASE_URL = url;
migrateDatabase(process.cwd(), url);
const db = new PrismaClient({ adapter: createSqliteAdapter(url) });

const ms = (since: number) => performance.now() - since;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const figures = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(3)} ms, p95 ${percentile(values, 95).toFixed(3)} ms, ` +
  `mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(3)} ms`;

try {
  let started = performance.now();
  await seedDemoData(db, { finishedCampaign: false });
  const year = campaignYearFor(new Date());
  const schools = await chooseSchools(db, year, 20);
  const { parents, slug } = await prepareParents(db, {
    n: N,
    schools,
    double: 0,
    priority: 0.1,
    run: randomBytes(3).toString("hex"),
  });
  const opening = new Date(Date.now() - 60_000);
  await openCampaignAt(db, year, opening);
  console.log(`bench:checks N=${N} rounds=${ROUNDS}: seeded and prepared in ${(ms(started) / 1000).toFixed(1)} s`);

  const now = new Date();
  const checks: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    for (const parent of parents) {
      const one = performance.now();
      const checked = await checkSubmission(db, { applicantId: parent.userId, draftId: parent.draftId, now });
      checks.push(ms(one));
      if (!checked.ok) throw new Error(`draft ${parent.draftId} would not be taken: ${JSON.stringify(checked)}`);
    }
    console.log(`  round ${round + 1}: ${(N / (ms(started) / 1000)).toFixed(0)} checks/s`);
  }

  // ---- the review page, before the drafts are sent
  const reviews: number[] = [];
  const sessions = new Map<string, string>();
  for (const parent of parents) sessions.set(parent.userId, (await createSession(db, parent.userId, false)).token);
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    for (const parent of parents) {
      const t = performance.now();
      const user = await sessionUser(db, sessions.get(parent.userId)!);
      if (!user) throw new Error("a session was lost");
      await countUnread(db, user.id);
      const review = await reviewPage(db, { applicantId: user.id, draftId: parent.draftId, slug, language: "ru" });
      if (review.found !== "draft" || !review.page.enrollment?.open)
        throw new Error(`draft ${parent.draftId} has no open review page`);
      reviews.push(ms(t));
    }
    console.log(`  review pages round ${round + 1}: ${(N / (ms(started) / 1000)).toFixed(0)} pages/s`);
  }

  // ---- the application page, after every draft was submitted
  const submitted: { userId: string; number: string; token: string }[] = [];
  for (let i = 0; i < parents.length; i += 8) {
    const chunk = parents.slice(i, i + 8);
    const results = await Promise.all(
      chunk.map((p) => submitApplication(db, { applicantId: p.userId, draftId: p.draftId, ip: "192.0.2.1" })),
    );
    for (const [k, result] of results.entries()) {
      if (!result.ok) throw new Error(`a draft was not taken: ${JSON.stringify(result)}`);
      const { token } = await createSession(db, chunk[k]!.userId, false);
      submitted.push({ userId: chunk[k]!.userId, number: result.number, token });
    }
  }
  const pages: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    for (const one of submitted) {
      const t = performance.now();
      const user = await sessionUser(db, one.token);
      if (!user) throw new Error("a session was lost");
      await countUnread(db, user.id);
      const page = await getApplicationPage(db, { applicantId: user.id, number: one.number, language: "ru" });
      if (!page?.enrollment) throw new Error(`application ${one.number} has no place on a list`);
      await markApplicationRead(db, user.id, page.id);
      await enrollmentResultView(db, page.id, "ru");
      pages.push(ms(t));
    }
    console.log(`  pages round ${round + 1}: ${(N / (ms(started) / 1000)).toFixed(0)} pages/s`);
  }

  const bare = new Database(file, { readonly: true });
  const select = bare.prepare(`SELECT * FROM "Application" WHERE "id" = ? AND "applicantId" = ?`);
  const reference: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const parent of parents) {
      const one = performance.now();
      if (!select.get(parent.draftId, parent.userId)) throw new Error("the reference lost a draft");
      reference.push(ms(one));
    }
  }
  bare.close();

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`checkSubmission per draft:        ${figures(checks)}`);
  console.log(`reference, one bare SELECT:       ${figures(reference)}`);
  console.log(`ratio (checks / reference, mean): ${(mean(checks) / mean(reference)).toFixed(0)}×`);
  console.log(`a process doing only the checks:  ${(1000 / mean(checks)).toFixed(0)} presses/s`);
  console.log(`review page's reads:              ${figures(reviews)}`);
  console.log(`ratio (review / reference, mean): ${(mean(reviews) / mean(reference)).toFixed(0)}×`);
  console.log(`application page's reads:         ${figures(pages)}`);
  console.log(`ratio (page / reference, mean):   ${(mean(pages) / mean(reference)).toFixed(0)}×`);
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
