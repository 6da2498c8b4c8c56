/*
 * `npm run db:seed`: puts the demo data into the database named by DATABASE_URL (idempotent:
 * records are matched by code or slug). `--if-empty` seeds only a database without a catalogue.
 */
import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { isDatabaseEmpty } from "~/db/prepare-database.server";
import { seedDemoData } from "./demo";

const db = new PrismaClient({ adapter: createSqliteAdapter() });
try {
  if (process.argv.includes("--if-empty") && !(await isDatabaseEmpty(db))) {
    console.log("The database already has a catalogue: nothing seeded.");
  } else {
    const result = await seedDemoData(db, { finishedCampaign: true });
    console.log(`Seeded the demo data: ${result.services} services, ${result.accounts} accounts.`);
  }
} finally {
  await db.$disconnect();
}
