/*
 * Bulk test data for the back office: submitted applications written straight into a migrated and
 * seeded SQLite file (the demo catalogue and accounts must be there), fast enough for a million rows
 * (better-sqlite3 prepared statements, 50,000 rows per transaction).
 *
 *   npx tsx tests/bench/generate-applications.ts --db=path/to/portal.db --count=1000000 [--seed=58]
 *       [--start-sequence=N] [--analyze]
 *
 * What it writes, deterministic from the seed, the start sequence and `now`:
 * - a handful of resident users (bench-resident-NNN@bench.example), reused by later runs;
 * - `count` applications of every Service row (so every department), received over the last three
 *   years (in receipt order: sequence and registration number grow with receivedAt within a run),
 *   deadline = the region's date of receipt + 14 calendar days; statuses mixed: those still within
 *   their deadline are open (most of them "sent"/"received", i.e. in the "new" queue), older ones
 *   are mostly decided (completed/refused/withdrawn) and about 1% are still open, i.e. overdue; in
 *   the departments of the demo officers (officer.*@…) the applications in work and most decided
 *   ones are assigned to those officers;
 * - the counters "receipt" and "registration-YYYY" raised to the highest values used, so the
 *   portal's next submission continues after them instead of colliding.
 *
 * Speed: this connection only sets PRAGMA synchronous=OFF (a crash mid-run may corrupt the file;
 * it is throw-away bench data). The portal's own connections sync every commit (decision 0040).
 * Dates are written the way the Prisma SQLite adapter writes them ("2025-03-04T05:06:07.089+00:00"),
 * so Prisma reads the rows back as Dates.
 */
import { createRandom } from "../../seeds/random";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { formatRegistrationNumber } from "~/domain/applications/registration-number";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";

export type GenerateOptions = {
  count: number;
  /** The first receipt sequence; default: one past the "receipt" counter and the highest stored. */
  startSequence?: number;
  seed?: number;
  /** "Now" for the generated history (default: the current time). */
  now?: Date;
  /** Rows per transaction (default 50,000). */
  batchSize?: number;
  onProgress?: (written: number, count: number) => void;
};

export type GenerateResult = {
  count: number;
  firstSequence: number;
  lastSequence: number;
  seconds: number;
  residents: number;
  byStatus: Record<string, number>;
  /** The highest registration-number sequence used per year. */
  yearly: Record<string, number>;
};

const DAY_MS = 86_400_000;
const HISTORY_MS = 3 * 365 * DAY_MS;
const DEADLINE_DAYS = 14;
/** The region's clock: Europe/Moscow, UTC+3 all year since 2014 (cheaper than Intl for 1M rows). */
const REGION_OFFSET_MS = 3 * 3_600_000;
const RESIDENTS = 24;
const OVERDUE_SHARE = 0.01;
const RECENT_OPEN_SHARE = 0.75;

const OPEN_MIX: [string, number][] = [
  ["sent", 0.35],
  ["received", 0.2],
  ["inReview", 0.25],
  ["waitingForInfo", 0.08],
  ["needsCorrection", 0.07],
  ["invitedToVisit", 0.05],
];
const DONE_MIX: [string, number][] = [
  ["completed", 0.85],
  ["refused", 0.1],
  ["withdrawn", 0.05],
];
const DONE = new Set(DONE_MIX.map(([s]) => s));

// Invented people: common Russian surnames (male/female forms), first names and patronymics.
const SURNAMES: [string, string][] = [
  ["Иванов", "Иванова"],
  ["Иваненко", "Иваненко"],
  ["Петров", "Петрова"],
  ["Смирнов", "Смирнова"],
  ["Кузнецов", "Кузнецова"],
  ["Соколов", "Соколова"],
  ["Попов", "Попова"],
  ["Лебедев", "Лебедева"],
  ["Козлов", "Козлова"],
  ["Новиков", "Новикова"],
  ["Морозов", "Морозова"],
  ["Волков", "Волкова"],
  ["Соловьёв", "Соловьёва"],
  ["Васильев", "Васильева"],
  ["Зайцев", "Зайцева"],
  ["Павлов", "Павлова"],
  ["Семёнов", "Семёнова"],
  ["Голубев", "Голубева"],
  ["Виноградов", "Виноградова"],
  ["Богданов", "Богданова"],
  ["Воробьёв", "Воробьёва"],
  ["Фёдоров", "Фёдорова"],
  ["Михайлов", "Михайлова"],
  ["Беляев", "Беляева"],
  ["Тарасов", "Тарасова"],
  ["Белов", "Белова"],
  ["Комаров", "Комарова"],
  ["Орлов", "Орлова"],
  ["Киселёв", "Киселёва"],
  ["Макаров", "Макарова"],
  ["Андреев", "Андреева"],
  ["Ковалёв", "Ковалёва"],
  ["Ильин", "Ильина"],
  ["Гусев", "Гусева"],
  ["Титов", "Титова"],
  ["Кузьмин", "Кузьмина"],
  ["Кудрявцев", "Кудрявцева"],
  ["Баранов", "Баранова"],
  ["Куликов", "Куликова"],
  ["Алексеев", "Алексеева"],
  ["Степанов", "Степанова"],
  ["Яковлев", "Яковлева"],
  ["Сорокин", "Сорокина"],
  ["Сергеев", "Сергеева"],
  ["Романов", "Романова"],
  ["Захаров", "Захарова"],
  ["Борисов", "Борисова"],
  ["Королёв", "Королёва"],
];
const MALE_NAMES = [
  "Иван",
  "Александр",
  "Сергей",
  "Дмитрий",
  "Андрей",
  "Алексей",
  "Михаил",
  "Николай",
  "Павел",
  "Олег",
];
const FEMALE_NAMES = ["Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Ксения", "Дарья"];
const FATHERS = ["Иван", "Александр", "Сергей", "Пётр", "Андрей", "Алексей", "Михаил", "Николай", "Владимир", "Юрий"];
const PATRONYMIC: Record<string, [string, string]> = {
  Иван: ["Иванович", "Ивановна"],
  Александр: ["Александрович", "Александровна"],
  Сергей: ["Сергеевич", "Сергеевна"],
  Пётр: ["Петрович", "Петровна"],
  Андрей: ["Андреевич", "Андреевна"],
  Алексей: ["Алексеевич", "Алексеевна"],
  Михаил: ["Михайлович", "Михайловна"],
  Николай: ["Николаевич", "Николаевна"],
  Владимир: ["Владимирович", "Владимировна"],
  Юрий: ["Юрьевич", "Юрьевна"],
};

function pickWeighted(random: () => number, mix: [string, number][]): string {
  let r = random();
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

/** The Prisma SQLite adapter's DateTime text. */
function isoText(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

const hex = (value: number, digits: number) => Math.floor(value).toString(16).padStart(digits, "0");

/** A UUID-shaped id: random (deterministic) digits, unique by construction through the sequence. */
function applicationId(random: () => number, sequence: number): string {
  return `${hex(random() * 2 ** 32, 8)}-${hex(random() * 2 ** 16, 4)}-4${hex(random() * 2 ** 12, 3)}-b${hex(random() * 2 ** 12, 3)}-${hex(sequence, 12)}`;
}

export function generateApplications(dbFile: string, options: GenerateOptions): GenerateResult {
  const started = performance.now();
  const count = Math.floor(options.count);
  if (!Number.isFinite(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  const seed = options.seed ?? 58;
  const nowMs = (options.now ?? new Date()).getTime();
  const batchSize = Math.max(1, options.batchSize ?? 50_000);

  const db = new Database(dbFile, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF"); // this bulk-loading connection only: see the header
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -262144"); // 256 MiB: the indexes of a million rows stay in memory
    db.pragma("temp_store = MEMORY");

    const services = db.prepare("SELECT id, departmentId, currentVersion FROM Service ORDER BY id").all() as {
      id: number;
      departmentId: number;
      currentVersion: number;
    }[];
    if (services.length === 0) throw new Error(`${dbFile} has no services: migrate and seed it first`);
    const officerRows = db
      .prepare(
        `SELECT DISTINCT u.id, r.departmentId FROM User u JOIN RoleAssignment r ON r.userId = u.id
         WHERE u.email LIKE 'officer.%' AND r.role = 'officer' AND r.departmentId IS NOT NULL ORDER BY u.email`,
      )
      .all() as { id: string; departmentId: number }[];
    const officers = new Map<number, string[]>();
    for (const o of officerRows) officers.set(o.departmentId, [...(officers.get(o.departmentId) ?? []), o.id]);

    // Where the sequences stand: the counters, and the stored rows in case a counter lags behind.
    const counter = (name: string) =>
      (db.prepare("SELECT value FROM Counter WHERE name = ?").get(name) as { value: number } | undefined)?.value ?? 0;
    const maxSequence = (db.prepare("SELECT max(sequence) AS m FROM Application").get() as { m: number | null }).m ?? 0;
    const nextFree = Math.max(counter("receipt"), maxSequence) + 1;
    const firstSequence = options.startSequence ?? nextFree;
    if (firstSequence < nextFree) {
      throw new RangeError(`startSequence ${firstSequence} would collide: sequences up to ${nextFree - 1} are taken`);
    }
    const yearly = new Map<number, number>();
    const yearlyStart = (year: number): number => {
      const stored = db
        .prepare("SELECT max(number) AS m FROM Application WHERE number >= ? AND number < ?")
        .get(`58-${year}-`, `58-${year}-~`) as { m: string | null };
      const fromNumbers = stored.m ? Number(stored.m.slice(8, 15)) : 0;
      return Math.max(counter(`registration-${year}`), fromNumbers);
    };

    // Residents: the same few users for every run.
    const insertUser = db.prepare(
      "INSERT OR IGNORE INTO User (id, email, emailVerifiedAt, language, createdAt) VALUES (?, ?, ?, 'ru', ?)",
    );
    const hasRole = db.prepare("SELECT 1 FROM RoleAssignment WHERE userId = ? AND role = 'resident'");
    const insertRole = db.prepare(
      "INSERT INTO RoleAssignment (userId, role, departmentId, schoolCode, createdAt) VALUES (?, 'resident', NULL, NULL, ?)",
    );
    const residents: string[] = [];
    db.transaction(() => {
      const since = isoText(nowMs - HISTORY_MS - 30 * DAY_MS);
      for (let i = 1; i <= RESIDENTS; i++) {
        const id = `bench-resident-${String(i).padStart(3, "0")}`;
        insertUser.run(id, `${id}@bench.example`, since, since);
        if (!hasRole.get(id)) insertRole.run(id, since);
        residents.push(id);
      }
    })();

    const random = createRandom(seed, firstSequence);
    // Receipt times over the last three years, in receipt order.
    const received = new Float64Array(count);
    for (let i = 0; i < count; i++) received[i] = nowMs - 60_000 - Math.floor(random() * HISTORY_MS);
    received.sort();
    const today = new Date(nowMs + REGION_OFFSET_MS).toISOString().slice(0, 10);

    const insert = db.prepare(
      `INSERT INTO Application (id, number, sequence, serviceId, serviceVersion, departmentId, applicantId,
         applicantName, applicantKey, assigneeId, status, answers, currentStep, municipality, receivedAt, deadline,
         decidedAt, version, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', NULL, ?, ?, ?, ?, 3, ?, ?)`,
    );
    const keys = new Map<string, string>();
    const byStatus: Record<string, number> = {};
    const penza = MUNICIPALITY_CODES[0]!;

    const writeBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const sequence = firstSequence + i;
        const receivedMs = received[i]!;
        const local = new Date(receivedMs + REGION_OFFSET_MS);
        const year = local.getUTCFullYear();
        const number = (yearly.get(year) ?? yearlyStart(year)) + 1;
        yearly.set(year, number);
        const deadline = new Date(local.getTime() + DEADLINE_DAYS * DAY_MS).toISOString().slice(0, 10);

        const service = services[Math.floor(random() * services.length)]!;
        // Within the deadline most are still open; past it, only a few (overdue).
        const open = deadline >= today ? random() < RECENT_OPEN_SHARE : random() < OVERDUE_SHARE;
        const status = open ? pickWeighted(random, OPEN_MIX) : pickWeighted(random, DONE_MIX);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        const deptOfficers = officers.get(service.departmentId);
        const assigned =
          deptOfficers &&
          (status === "sent"
            ? false
            : status === "received"
              ? random() < 0.3
              : DONE.has(status)
                ? random() < 0.8
                : true);
        const assigneeId = assigned ? deptOfficers[Math.floor(random() * deptOfficers.length)]! : null;
        const decidedAt = DONE.has(status)
          ? isoText(Math.min(nowMs, receivedMs + Math.floor(random() * DEADLINE_DAYS * DAY_MS)))
          : null;

        const female = random() < 0.55;
        const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]![female ? 1 : 0];
        const first = (female ? FEMALE_NAMES : MALE_NAMES)[Math.floor(random() * MALE_NAMES.length)]!;
        const father = FATHERS[Math.floor(random() * FATHERS.length)]!;
        const name = `${surname} ${first} ${PATRONYMIC[father]![female ? 1 : 0]}`;
        let key = keys.get(name);
        if (key === undefined) keys.set(name, (key = name.toLocaleLowerCase("ru")));
        // Half of the applicants live in Penza itself.
        const municipality =
          random() < 0.5 ? penza : MUNICIPALITY_CODES[Math.floor(random() * MUNICIPALITY_CODES.length)]!;
        const receivedAt = isoText(receivedMs);

        insert.run(
          applicationId(random, sequence),
          formatRegistrationNumber(year, number),
          sequence,
          service.id,
          service.currentVersion,
          service.departmentId,
          residents[Math.floor(random() * residents.length)]!,
          name,
          key,
          assigneeId,
          status,
          municipality,
          receivedAt,
          deadline,
          decidedAt,
          receivedAt,
          receivedAt,
        );
      }
    });

    for (let from = 0; from < count; from += batchSize) {
      const to = Math.min(count, from + batchSize);
      writeBatch(from, to);
      options.onProgress?.(to, count);
    }

    const lastSequence = firstSequence + count - 1;
    const raise = db.prepare(
      `INSERT INTO Counter (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
    );
    db.transaction(() => {
      if (count > 0) raise.run("receipt", lastSequence);
      for (const [year, value] of yearly) raise.run(`registration-${year}`, value);
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");

    return {
      count,
      firstSequence,
      lastSequence,
      seconds: (performance.now() - started) / 1000,
      residents: residents.length,
      byStatus,
      yearly: Object.fromEntries([...yearly].sort((a, b) => a[0] - b[0]).map(([y, v]) => [String(y), v])),
    };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Map(
    process.argv
      .slice(2)
      .map((arg) => /^--([a-z-]+)(?:=(.*))?$/.exec(arg))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2] ?? "true"] as const),
  );
  const dbArg = args.get("db") ?? process.env.DATABASE_URL?.replace(/^file:/, "");
  const count = Number(args.get("count") ?? 1_000_000);
  const seed = Number(args.get("seed") ?? 58);
  const start = args.get("start-sequence");
  if (!dbArg || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    console.error(
      "Usage: tsx tests/bench/generate-applications.ts --db=<sqlite file> [--count=1000000] [--seed=58] " +
        "[--start-sequence=N] [--analyze]\n(the file must be migrated and seeded; DATABASE_URL is used without --db)",
    );
    process.exit(1);
  }
  let shown = 0;
  const result = generateApplications(dbArg, {
    count,
    seed,
    startSequence: start === undefined ? undefined : Number(start),
    onProgress: (written, total) => {
      if (written - shown >= 100_000 || written === total) {
        shown = written;
        console.log(`  ${written.toLocaleString("en")} / ${total.toLocaleString("en")}`);
      }
    },
  });
  console.log(
    `Wrote ${result.count} applications (sequence ${result.firstSequence}…${result.lastSequence}) in ` +
      `${result.seconds.toFixed(1)} s to ${dbArg}; statuses ${JSON.stringify(result.byStatus)}; ` +
      `registration counters ${JSON.stringify(result.yearly)}`,
  );
  if (args.has("analyze")) {
    const db = new Database(dbArg);
    const t0 = performance.now();
    db.exec("ANALYZE");
    db.close();
    console.log(`ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
