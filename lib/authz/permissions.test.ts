import { describe, expect, it } from "vitest";
import { ACTIONS, can, canRead, grantedUnitIds, organizationsWhereCanRead, organizationsWithGrant, PERMISSIONS, READS, ROLES, type Actor } from "./permissions";

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

describe("operators and plan set-up", () => {
  const operator: Actor = { id: "op", memberships: [], isOperator: true };
  it("lets only an operator act on the installation, and an operator nothing inside an organisation", () => {
    expect(can(operator, "organization.create", "installation")).toBe(true);
    expect(can(operator, "organization.list", "installation")).toBe(true);
    for (const role of ROLES) expect(can(actor(role), "organization.create", "installation")).toBe(false);
    expect(can({ ...actor("admin"), isOperator: false }, "organization.create", "installation")).toBe(false);
    // an operator is no member: no organisation's data or set-up
    for (const action of ["plan.manage", "unit.manage", "user.manage", "sheet.viewDraft"] as const) expect(can(operator, action, { organizationId: org })).toBe(false);
    // installation-wide actions never come from a membership, organisation actions never from the installation
    expect(can(operator, "plan.manage", "installation")).toBe(false);
  });

  it("gives plan and unit set-up to the organisation's admin only", () => {
    for (const action of ["plan.manage", "unit.manage"] as const) {
      expect(can(actor("admin"), action, { organizationId: org })).toBe(true);
      expect(can(actor("admin"), action, { organizationId: "other" })).toBe(false);
      for (const role of ["viewer", "officer", "committee"]) expect(can(actor(role, ["doboku"]), action, { organizationId: org, ownerUnitIds: ["doboku"] })).toBe(false);
    }
  });
});

describe("the mail outbox", () => {
  it("is read and resent by the organisation's admin, by an operator for every organisation, by nobody else", () => {
    expect(can(actor("admin"), "mail.manage", { organizationId: org })).toBe(true);
    expect(can(actor("admin"), "mail.manage", { organizationId: "other" })).toBe(false);
    expect(can(actor("admin"), "mail.manage", "installation")).toBe(false);
    for (const role of ["viewer", "officer", "committee"]) expect(can(actor(role, ["doboku"]), "mail.manage", { organizationId: org, ownerUnitIds: ["doboku"] })).toBe(false);
    expect(can({ id: "op", memberships: [], isOperator: true }, "mail.manage", "installation")).toBe(true);
  });
});

describe("the organisation's sign-in rules", () => {
  it("are set by the organisation's admin only: not another organisation's admin, no other role, no operator", () => {
    expect(can(actor("admin"), "organization.security", { organizationId: org })).toBe(true);
    expect(can(actor("admin"), "organization.security", { organizationId: "other" })).toBe(false);
    for (const role of ["viewer", "officer", "committee"]) expect(can(actor(role, ["doboku"]), "organization.security", { organizationId: org, ownerUnitIds: ["doboku"] })).toBe(false);
    expect(can({ id: "op", memberships: [], isOperator: true }, "organization.security", { organizationId: org })).toBe(false);
    expect(can({ id: "op", memberships: [], isOperator: true }, "organization.security", "installation")).toBe(false);
  });

  it("an admin membership held back for two-factor sign-in (read as a viewer's) may do nothing", () => {
    const held: Actor = { id: "u", memberships: [{ organizationId: org, role: "viewer", unitIds: [] }] };
    for (const action of ACTIONS) expect(can(held, action, { organizationId: org })).toBe(false);
  });
});

describe("reading beyond the public pages (the table's read part)", () => {
  it("gives each role its pages: staff details to the organisation's staff, the work list to officers and admins, the review lists to committee members and admins", () => {
    const reads = (role: string) => READS.filter((r) => canRead(actor(role), r, org));
    expect(reads("viewer")).toEqual(["staff.view"]);
    expect(reads("officer")).toEqual(["staff.view", "work.view"]);
    expect(reads("committee")).toEqual(["review.view"]);
    expect(reads("admin")).toEqual(["staff.view", "work.view", "review.view"]);
    expect(reads("superuser")).toEqual([]);
    expect(canRead(actor("admin"), "staff.view", "other")).toBe(false);
    expect(canRead(null, "staff.view", org)).toBe(false);
  });

  it("lists an officer's units and an admin's organisations from the write grants", () => {
    const both: Actor = { id: "u", memberships: [{ organizationId: org, role: "officer", unitIds: ["doboku"] }, { organizationId: "other", role: "admin", unitIds: [] }] };
    expect(grantedUnitIds(both, "sheet.edit")).toEqual(["doboku"]);
    expect(grantedUnitIds(both, "sheet.edit", "other")).toEqual([]);
    expect(organizationsWithGrant(both, "sheet.viewDraft")).toEqual(["other"]);
    expect(organizationsWhereCanRead(both, "work.view")).toEqual([org, "other"]);
    expect(organizationsWhereCanRead(both, "review.view")).toEqual(["other"]);
  });
});
