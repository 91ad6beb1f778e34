import { describe, expect, it } from "vitest";
import { ACTIONS, can, PERMISSIONS, ROLES, type Actor } from "./permissions";

const org = "org-kumamoto";
const actor = (role: string, unitIds: string[] = []): Actor => ({ id: "u", memberships: [{ organizationId: org, role, unitIds }] });

describe("permissions", () => {
  it("refuses everything to nobody, to an unknown role and for an unknown action", () => {
    for (const action of ACTIONS) {
      expect(can(null, action, { organizationId: org })).toBe(false);
      expect(can(actor("superuser"), action, { organizationId: org })).toBe(false);
    }
    expect(can(actor("admin"), "drop.database" as never, { organizationId: org })).toBe(false);
  });

  it("scopes an officer to the measures their units own", () => {
    const officer = actor("officer", ["doboku", "doboku/road"]);
    expect(can(officer, "sheet.edit", { organizationId: org, ownerUnitIds: ["doboku/road"] })).toBe(true);
    expect(can(officer, "sheet.edit", { organizationId: org, ownerUnitIds: ["kenko"] })).toBe(false);
    expect(can(officer, "sheet.edit", { organizationId: "other", ownerUnitIds: ["doboku/road"] })).toBe(false);
    expect(can(officer, "sheet.approve", { organizationId: org, ownerUnitIds: ["doboku/road"] })).toBe(false);
  });

  it("lets an admin act anywhere in their own organisation only", () => {
    expect(can(actor("admin"), "sheet.approve", { organizationId: org })).toBe(true);
    expect(can(actor("admin"), "sheet.approve", { organizationId: "other" })).toBe(false);
    expect(can(actor("admin"), "sheet.edit", { organizationId: org, ownerUnitIds: ["x"] })).toBe(false);
  });

  it("gives viewers nothing to change", () => {
    expect(PERMISSIONS.viewer).toEqual([]);
    for (const role of ROLES) expect(PERMISSIONS[role].every((g) => ACTIONS.includes(g.action))).toBe(true);
  });
});
