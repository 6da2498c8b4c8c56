import type { PrismaClient } from "~/generated/prisma/client";
import { staffDepartments, type RoleGrant } from "~/domain/accounts/roles";

export async function staffDepartmentIds(db: PrismaClient, roles: readonly RoleGrant[]): Promise<number[]> {
  const codes = staffDepartments(roles);
  if (codes.length === 0) return [];
  const rows = await db.department.findMany({ where: { code: { in: codes } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * What an officer may see: their departments and, for school staff (a grant with a school code),
 * only the applications that name their school.
 */
export async function staffScope(db: PrismaClient, roles: readonly RoleGrant[]) {
  const departmentIds = await staffDepartmentIds(db, roles);
  const work = roles.filter((r) => r.role === "officer" || r.role === "supervisor");
  const schoolCodes = work.length > 0 && work.every((r) => r.schoolCode) ? work.map((r) => r.schoolCode!) : null;
  return { departmentIds, schoolCodes };
}
