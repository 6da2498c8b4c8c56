import { hasRole, type RoleGrant } from "~/domain/accounts/roles";

/*
 * Where a signed-in person works, for the header: staff see the way to their queues (and to the
 * indicators, the administration) on every page; the resident's links are for those who apply.
 */
export type Workplace = "office" | "indicators" | "admin";

export type HeaderLinks = { workplaces: Workplace[]; resident: boolean };

export function headerLinksFor(grants: readonly RoleGrant[]): HeaderLinks {
  const workplaces: Workplace[] = [];
  // The same roles the pages let in (requireRole in office/*.tsx and admin/*.tsx).
  if (hasRole(grants, "officer", "supervisor")) workplaces.push("office");
  if (hasRole(grants, "analyst", "supervisor", "admin")) workplaces.push("indicators");
  if (hasRole(grants, "admin")) workplaces.push("admin");
  return { workplaces, resident: hasRole(grants, "resident") || workplaces.length === 0 };
}

export const WORKPLACE_PATHS: Record<Workplace, string> = {
  office: "/office",
  indicators: "/office/indicators",
  admin: "/admin",
};
