import type { PrismaClient } from "~/generated/prisma/client";
import { saveConfirmedAccount, type AccountInput } from "~/domain/accounts/account-store.server";
import { addChild, getProfile, saveProfile } from "~/domain/accounts/profile.server";
import { isRole, type RoleGrant } from "~/domain/accounts/roles";
import { staffScope } from "~/domain/office/staff-scope.server";
import { regionDate } from "~/domain/region/clock";
import { testPersonInn, testSnils } from "~/domain/identity/test-data";

/*
 * Demo accounts for every role (listed in the README). People are invented; their СНИЛС and ИНН are
 * generated test numbers with valid checksums. Children's ages are kept relative to today, so the
 * parent always has two schoolchildren and a toddler.
 */
export const DEMO_PASSWORD = "penza-demo-2026";

const yearsAgo = (years: number, monthDay: string) => `${Number(regionDate().slice(0, 4)) - years}-${monthDay}`;

type DemoPerson = AccountInput & {
  profile?: { lastName: string; firstName: string; middleName: string; birthDate: string; n: number };
  children?: { lastName: string; firstName: string; middleName: string; age: number; monthDay: string }[];
};

export const DEMO_ACCOUNTS: DemoPerson[] = [
  {
    email: "parent@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "resident" }],
    profile: { lastName: "Смирнова", firstName: "Елена", middleName: "Викторовна", birthDate: "1989-04-12", n: 1 },
    children: [
      { lastName: "Смирнов", firstName: "Артём", middleName: "Сергеевич", age: 6, monthDay: "02-15" },
      { lastName: "Смирнова", firstName: "Дарья", middleName: "Сергеевна", age: 10, monthDay: "09-30" },
      { lastName: "Смирнов", firstName: "Максим", middleName: "Сергеевич", age: 2, monthDay: "06-01" },
    ],
  },
  {
    email: "large-family@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "resident" }],
    profile: { lastName: "Кузнецов", firstName: "Андрей", middleName: "Петрович", birthDate: "1984-11-03", n: 2 },
    children: [
      { lastName: "Кузнецова", firstName: "Анна", middleName: "Андреевна", age: 14, monthDay: "01-20" },
      { lastName: "Кузнецов", firstName: "Иван", middleName: "Андреевич", age: 11, monthDay: "05-07" },
      { lastName: "Кузнецов", firstName: "Пётр", middleName: "Андреевич", age: 8, monthDay: "03-18" },
      { lastName: "Кузнецова", firstName: "Мария", middleName: "Андреевна", age: 4, monthDay: "12-02" },
    ],
  },
  {
    email: "officer.education@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "officer", departmentCode: "minobr" }],
  },
  {
    email: "officer.social@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "officer", departmentCode: "mintrud" }],
  },
  {
    email: "school112@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "officer", departmentCode: "minobr", schoolCode: "112" }],
  },
  {
    email: "supervisor.education@demo.gosuslugi58.ru",
    password: DEMO_PASSWORD,
    roles: [{ role: "supervisor", departmentCode: "minobr" }],
  },
  { email: "analyst@demo.gosuslugi58.ru", password: DEMO_PASSWORD, roles: [{ role: "analyst" }] },
  { email: "admin@demo.gosuslugi58.ru", password: DEMO_PASSWORD, roles: [{ role: "admin" }] },
];

export async function seedDemoAccounts(db: PrismaClient): Promise<number> {
  for (const person of DEMO_ACCOUNTS) {
    const userId = await saveConfirmedAccount(db, person);
    if (!person.profile) continue;
    const existing = await getProfile(db, userId);
    if (existing.profile) continue;
    const p = person.profile;
    await saveProfile(db, userId, {
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      birthDate: p.birthDate,
      snils: testSnils(p.n),
      inn: testPersonInn(p.n),
      phone: `+7900000000${p.n}`,
      passportNumber: `5600 00000${p.n}`,
      passportIssuedOn: "2015-06-01",
      passportIssuerCode: "580-001",
      addressOktmo: "56701000",
      addressLocality: "Пенза",
      addressStreet: "ул. Московская",
      addressHouse: String(10 + p.n),
      addressApartment: String(p.n),
    });
    for (const [i, child] of (person.children ?? []).entries()) {
      await addChild(db, userId, {
        lastName: child.lastName,
        firstName: child.firstName,
        middleName: child.middleName,
        birthDate: yearsAgo(child.age, child.monthDay),
        birthCertificate: `I-ИЗ ${String(100000 + p.n * 10 + i)}`,
        snils: testSnils(p.n * 10 + i),
      });
    }
  }
  return DEMO_ACCOUNTS.length;
}

/**
 * A demo staff account as the office's functions take it: the actor (its id and role grants, as
 * the session reads them in app/server/auth.server.ts) and what those grants let it see.
 */
export async function demoStaff(db: PrismaClient, email: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    include: { roles: { include: { department: true } } },
  });
  const roles: RoleGrant[] = user.roles.flatMap((r) =>
    isRole(r.role) ? [{ role: r.role, departmentCode: r.department?.code ?? null, schoolCode: r.schoolCode }] : [],
  );
  return { actor: { id: user.id, roles }, scope: await staffScope(db, roles) };
}
