/** Who a person is to the portal; one person may hold several roles. */
export const ROLES = ["resident", "officer", "supervisor", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type RoleGrant = { role: Role; departmentCode: string | null; schoolCode: string | null };

export const STAFF_ROLES: readonly Role[] = ["officer", "supervisor", "analyst", "admin"];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasRole(grants: readonly RoleGrant[], ...roles: Role[]): boolean {
  return grants.some((g) => roles.includes(g.role));
}

/** Departments whose queues a person works: officers' and supervisors' grants. */
export function staffDepartments(grants: readonly RoleGrant[]): string[] {
  return [
    ...new Set(
      grants
        .filter((g) => (g.role === "officer" || g.role === "supervisor") && g.departmentCode)
        .map((g) => g.departmentCode!),
    ),
  ];
}
