import { describe, expect, it } from "vitest";
import type { RoleGrant } from "~/domain/accounts/roles";
import { headerLinksFor } from "./workplaces";

const grant = (role: RoleGrant["role"]): RoleGrant => ({ role, departmentCode: null, schoolCode: null });

describe("the header's links", () => {
  it("lead staff to their work, and residents to their applications", () => {
    expect(headerLinksFor([grant("resident")])).toEqual({ workplaces: [], resident: true });
    expect(headerLinksFor([grant("officer")])).toEqual({ workplaces: ["office"], resident: false });
    expect(headerLinksFor([grant("supervisor")])).toEqual({ workplaces: ["office", "indicators"], resident: false });
    expect(headerLinksFor([grant("analyst")])).toEqual({ workplaces: ["indicators"], resident: false });
    expect(headerLinksFor([grant("admin")])).toEqual({ workplaces: ["indicators", "admin"], resident: false });
    // An officer who also applies for services sees both.
    expect(headerLinksFor([grant("officer"), grant("resident")])).toEqual({ workplaces: ["office"], resident: true });
    // A signed-in account with no role at all still has its cabinet.
    expect(headerLinksFor([])).toEqual({ workplaces: [], resident: true });
  });
});
