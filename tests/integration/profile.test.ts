import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { addChild, getProfile, removeChild } from "~/domain/accounts/profile.server";
import { checkInn } from "~/domain/identity/inn";
import { checkSnils } from "~/domain/identity/snils";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_ACCOUNTS } from "../../seeds/accounts";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
});
afterAll(async () => dispose());

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

describe("demo accounts and profiles", () => {
  it("has a confirmed account for every role", async () => {
    const roles = await db.roleAssignment.findMany({ select: { role: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(["resident", "officer", "supervisor", "analyst", "admin"]),
    );
    expect(await db.user.count({ where: { emailVerifiedAt: null } })).toBe(0);
    expect(await db.user.count()).toBe(DEMO_ACCOUNTS.length);
  });

  it("gives the demo parent two schoolchildren and a toddler, with valid test identifiers", async () => {
    const { profile, children } = await getProfile(db, await userId("parent@demo.gosuslugi58.ru"));
    expect(checkSnils(profile!.snils).ok).toBe(true);
    expect(checkInn(profile!.inn!, "person").ok).toBe(true);
    const thisYear = new Date().getFullYear();
    const ages = children.map((c) => thisYear - Number(c.birthDate.slice(0, 4))).sort((a, b) => a - b);
    expect(ages).toEqual([2, 6, 10]);
  });

  it("seeding twice changes nothing", async () => {
    const before = { users: await db.user.count(), children: await db.child.count() };
    await seedDemoData(db);
    expect({ users: await db.user.count(), children: await db.child.count() }).toEqual(before);
  });

  it("a resident cannot remove another resident's child", async () => {
    const parent = await userId("parent@demo.gosuslugi58.ru");
    const other = await userId("large-family@demo.gosuslugi58.ru");
    const childId = await addChild(db, parent, {
      lastName: "Тестов",
      firstName: "Тест",
      birthDate: "2020-01-01",
      birthCertificate: "I-ИЗ 999999",
    });
    expect(await removeChild(db, other, childId)).toBe(false);
    expect(await removeChild(db, parent, childId)).toBe(true);
  });
});
