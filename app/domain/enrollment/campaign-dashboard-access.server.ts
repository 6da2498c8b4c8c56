import type { PrismaClient } from "~/generated/prisma/client";
import { hasRole, type RoleGrant } from "~/domain/accounts/roles";
import { staffScope } from "~/domain/office/casework.server";
import { worksEnrollment } from "./enrollment.server";

/**
 * Who sees the ministry's campaign dashboard (docs/enrollment.md, "The ministry's dashboard and the
 * campaign's settings"): the staff of the department that runs first-grade enrollment (officers
 * and supervisors, but not school staff, who see only their school's list) and analysts. Kept apart from the dashboard's queries, which the open data and the
 * benchmark load without the back office's casework.
 */
export async function mayViewCampaignDashboard(db: PrismaClient, roles: readonly RoleGrant[]): Promise<boolean> {
  if (hasRole(roles, "analyst")) return true;
  if (!hasRole(roles, "officer", "supervisor")) return false;
  const { departmentIds, schoolCodes } = await staffScope(db, roles);
  return schoolCodes === null && (await worksEnrollment(db, departmentIds));
}
