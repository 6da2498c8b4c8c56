import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { keptChildren } from "~/domain/applications/kept-children";
import { measuresOfPackage } from "./measure-store.server";
import { entitlement, type FamilyChild } from "./measures";

/*
 * One application, several measures (docs/social-support.md): at submission a package service's
 * application becomes the case of the package's own measure (the status and certificate), and every
 * other measure the resident asked for and the family is entitled to becomes a case of its own, in
 * its service's department, with that service's deadline. They are written in the submission's commit.
 */
export type MeasureCase = {
  id: string;
  measureCode: string;
  serviceId: number;
  serviceVersion: number;
  departmentId: number;
  deadlineDays: number;
};

export type PackageSplit = { ownMeasure: string; cases: MeasureCase[] };

/** The children's answer fields of the package form and the field listing the students among them. */
export const CHILD_FIELDS = ["firstChild", "secondChild", "thirdChild", "fourthChild", "fifthChild"] as const;

/**
 * The family as the package form describes it: the chosen profile children (the same child chosen
 * twice counts once) and who of them studies full time. Once the account is deleted the children
 * are read from the copy the deletion kept in the answers.
 */
export async function familyFromAnswers(
  db: { child: Pick<PrismaClient["child"], "findMany"> },
  applicantId: string | null,
  answers: Record<string, unknown>,
): Promise<FamilyChild[]> {
  const students = new Set(Array.isArray(answers.fullTimeStudents) ? answers.fullTimeStudents.map(String) : []);
  const chosen = new Map<string, boolean>();
  for (const field of CHILD_FIELDS) {
    const id = answers[field];
    if (typeof id === "string" && id) chosen.set(id, (chosen.get(id) ?? false) || students.has(field));
  }
  const rows = applicantId
    ? await db.child.findMany({
        where: { userId: applicantId, id: { in: [...chosen.keys()] } },
        select: { id: true, birthDate: true },
      })
    : keptChildren(answers).filter((c) => chosen.has(c.id));
  return rows.map((r) => ({ birthDate: r.birthDate, fullTimeStudent: chosen.get(r.id) ?? false }));
}

/**
 * The cases a package application splits into, or null for an ordinary service. A measure the family
 * is not entitled to by its children's ages is not opened (the application page says why).
 */
export async function splitPackage(
  db: PrismaClient,
  input: { serviceCode: string; applicantId: string; answers: Record<string, unknown>; today: string },
): Promise<PackageSplit | null> {
  const measures = await measuresOfPackage(db, input.serviceCode);
  if (!measures) return null;
  const own = measures.find((m) => m.serviceCode === input.serviceCode);
  if (!own) throw new Error(`package ${input.serviceCode} has no measure of its own`);
  const asked = new Set(Array.isArray(input.answers.measures) ? input.answers.measures.map(String) : []);
  const family = await familyFromAnswers(db, input.applicantId, input.answers);
  const wanted = measures.filter(
    (m) => m !== own && asked.has(m.code) && entitlement(m.terms, family, input.today).entitled,
  );
  const services = await db.service.findMany({
    where: { code: { in: wanted.map((m) => m.serviceCode) } },
    select: { id: true, code: true, currentVersion: true, departmentId: true, deadlineDays: true },
  });
  const byCode = new Map(services.map((s) => [s.code, s]));
  return {
    ownMeasure: own.code,
    cases: wanted.map((m) => {
      const service = byCode.get(m.serviceCode);
      if (!service) throw new Error(`measure ${m.code} names an unknown service ${m.serviceCode}`);
      return {
        id: randomBytes(12).toString("base64url"),
        measureCode: m.code,
        serviceId: service.id,
        serviceVersion: service.currentVersion,
        departmentId: service.departmentId,
        deadlineDays: service.deadlineDays,
      };
    }),
  };
}
