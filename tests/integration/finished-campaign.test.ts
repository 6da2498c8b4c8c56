import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { freePlaces } from "~/domain/enrollment/enrollment-orders.server";
import { seedDemoData } from "../../seeds/demo";
import { FINISHED_CAMPAIGN_PLAN, seedFinishedCampaign } from "../../seeds/enrollment-2026";
import { createTestDatabase } from "./test-database";

/*
 * The demo's finished 2026 campaign (seeds/enrollment-2026.ts): made through the portal's own
 * submission, documents check, orders and refusals, so its lists, orders and offers are what the
 * portal itself makes.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db, { finishedCampaign: true });
}, 120_000);
afterAll(() => dispose());

describe("the finished 2026 campaign in the demo data", () => {
  it("has every planned application, each decided or withdrawn", async () => {
    const planned = FINISHED_CAMPAIGN_PLAN.reduce((sum, p) => sum + p.stage1 + p.stage2, 0);
    const applications = await db.application.findMany({
      where: { enrollment: { campaignYear: 2026 } },
      select: { status: true, receivedAt: true },
    });
    expect(applications).toHaveLength(planned);
    expect(new Set(applications.map((a) => a.status))).toEqual(new Set(["completed", "refused", "withdrawn"]));
    for (const a of applications) expect(a.receivedAt!.getUTCFullYear()).toBe(2026);
  });

  it("fills school 112 by its stage-1 order, refuses the rest with an offer of schools with places", async () => {
    const orders = await db.enrollmentOrder.findMany({
      where: { schoolCode: "112", campaignYear: 2026 },
      include: { _count: { select: { requests: true } } },
    });
    expect(orders.map((o) => [o.number, o.date, o._count.requests])).toEqual([["1-у", "2026-07-02", 180]]);
    expect((await freePlaces(db, 2026, ["112"])).get("112")).toEqual({ seats: 180, enrolled: 180, free: 0 });
    const refused = await db.enrollmentRequest.findMany({
      where: { campaignYear: 2026, schoolCode: "112", application: { status: "refused" } },
      select: { offer: true, application: { select: { messages: { select: { text: true } } } } },
    });
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      const offer = JSON.parse(r.offer ?? "[]") as string[];
      expect(offer.length).toBeGreaterThan(0);
      expect(offer).not.toContain("112");
      expect(r.application.messages.at(-1)!.text).toContain(`№ ${offer[0]}`);
    }
  });

  it("enrolls stage 2 where places were left", async () => {
    const second = await db.enrollmentOrder.findFirstOrThrow({
      where: { schoolCode: "115", campaignYear: 2026, number: "2-у/2" },
      include: { _count: { select: { requests: true } } },
    });
    expect(second.date).toBe("2026-07-10");
    expect(second._count.requests).toBe(14);
  });

  it("leaves nothing for the mailer: what the parents were told in 2026 was mailed then", async () => {
    expect(
      await db.notification.count({ where: { mailedAt: null, application: { enrollment: { campaignYear: 2026 } } } }),
    ).toBe(0);
  });

  it("is made once per database", async () => {
    const before = await db.application.count();
    expect(await seedFinishedCampaign(db)).toEqual({ applications: 0 });
    expect(await db.application.count()).toBe(before);
  });
});
