// Who may do what: a data table of role → actions, and one check every mutation calls before it writes.
// Unknown roles and actions are refused (fail closed). Unit-scoped actions also need the resource's owning
// units to fall under the membership's units (a 部 covers its 課).

export const ROLES = ["viewer", "officer", "committee", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "sheet.viewDraft",
  "sheet.edit",
  "sheet.submit",
  "sheet.approve",
  "sheet.return",
  "rating.set",
  "evaluation.manage",
  "user.manage",
  "audit.view",
  "comment.create",
  "comment.reply",
  "comment.publish",
  "review.mark",
  "review.progress",
  "import.values",
  // plan set-up (組織・計画・指標の設定) by the planning division
  "unit.manage",
  "plan.manage",
  // the mail outbox: read every message, send a failed or held one again
  "mail.manage",
  // the organisation's sign-in rules (two-factor sign-in required of its admins)
  "organization.security",
  // installation-wide, operators only (not members of any organisation)
  "organization.create",
  "organization.list",
] as const;
export type Action = (typeof ACTIONS)[number];

type Grant = { action: Action; scope: "organization" | "unit" | "installation" };

/** The table. "unit": only for measures their units own; "organization": anywhere in their organisation. */
export const PERMISSIONS: Record<Role, readonly Grant[]> = {
  viewer: [],
  officer: [
    { action: "sheet.viewDraft", scope: "unit" },
    { action: "sheet.edit", scope: "unit" },
    { action: "sheet.submit", scope: "unit" },
    { action: "comment.reply", scope: "unit" },
    { action: "import.values", scope: "unit" },
  ],
  committee: [
    { action: "comment.create", scope: "organization" },
    { action: "review.mark", scope: "organization" },
  ],
  admin: [
    { action: "sheet.viewDraft", scope: "organization" },
    { action: "sheet.approve", scope: "organization" },
    { action: "sheet.return", scope: "organization" },
    { action: "rating.set", scope: "organization" },
    { action: "evaluation.manage", scope: "organization" },
    { action: "user.manage", scope: "organization" },
    { action: "audit.view", scope: "organization" },
    { action: "comment.publish", scope: "organization" },
    { action: "review.progress", scope: "organization" },
    { action: "import.values", scope: "organization" },
    { action: "unit.manage", scope: "organization" },
    { action: "plan.manage", scope: "organization" },
    { action: "mail.manage", scope: "organization" },
    { action: "organization.security", scope: "organization" },
  ],
};

/** The installation's operators (User.isOperator): what they may do anywhere, without a membership. */
export const OPERATOR_PERMISSIONS: readonly Grant[] = [
  { action: "organization.create", scope: "installation" },
  { action: "organization.list", scope: "installation" },
  // every organisation's outbox (and mail to no organisation), to help an installation find a mail problem
  { action: "mail.manage", scope: "installation" },
];

export type MembershipGrant = { organizationId: string; role: string; unitIds: readonly string[] };
/** How an actor reached the app: a form (the default), the plan workbook, the API (with the token used), the CLI. */
export type Via = { channel: "form" | "workbook" | "api" | "cli"; tokenId?: string; tokenName?: string };
export type Actor = { id: string; memberships: readonly MembershipGrant[]; isOperator?: boolean; via?: Via };
/** What an action is done to: its organisation, and for a measure its owning units; "installation" for operators' actions. */
export type Resource = { organizationId: string; ownerUnitIds?: readonly string[] } | "installation";

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super(`forbidden: ${action}`);
    this.name = "ForbiddenError";
  }
}

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor || !(ACTIONS as readonly string[]).includes(action)) return false;
  if (resource === "installation") return actor.isOperator === true && OPERATOR_PERMISSIONS.some((g) => g.action === action);
  return actor.memberships.some((m) => {
    if (m.organizationId !== resource.organizationId || !isRole(m.role)) return false;
    const grant = PERMISSIONS[m.role].find((g) => g.action === action);
    if (!grant) return false;
    if (grant.scope === "organization") return true;
    const owners = resource.ownerUnitIds ?? [];
    return owners.some((u) => m.unitIds.includes(u));
  });
}

export function assertCan(actor: Actor | null, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw new ForbiddenError(action);
}

// ── Reading beyond the public pages ─────────────────────────────────────────────────────────────────────────
// The pages' own checks (which menu, which list, which internal detail) ask this part of the table instead of
// comparing role strings. Organisation-wide; a unit-scoped list narrows itself with grantedUnitIds below.

export const READS = [
  // the organisation's internal details: sheet states on the overview, the source file and lines, who entered a value
  "staff.view",
  // the work list (/work): the sheets to update (officer) or to oversee (admin)
  "work.view",
  // the committee's review lists (/review)
  "review.view",
] as const;
export type Read = (typeof READS)[number];

export const READ_PERMISSIONS: Record<Role, readonly Read[]> = {
  viewer: ["staff.view"],
  officer: ["staff.view", "work.view"],
  committee: ["review.view"],
  admin: ["staff.view", "work.view", "review.view"],
};

/** May a membership's role read this? (unknown roles: no) */
export function roleCanRead(role: string, read: Read): boolean {
  return isRole(role) && READ_PERMISSIONS[role].includes(read);
}

/** May the actor read this in the organisation? */
export function canRead(actor: Actor | null, read: Read, organizationId: string): boolean {
  return actor?.memberships.some((m) => m.organizationId === organizationId && roleCanRead(m.role, read)) ?? false;
}

/** The organisations where the actor may read this. */
export function organizationsWhereCanRead(actor: Actor, read: Read): string[] {
  return [...new Set(actor.memberships.filter((m) => roleCanRead(m.role, read)).map((m) => m.organizationId))];
}

/** The organisations where the actor holds `action` with the given scope (organisation-wide by default). */
export function organizationsWithGrant(actor: Actor, action: Action, scope: "organization" | "unit" = "organization"): string[] {
  return [...new Set(actor.memberships.filter((m) => isRole(m.role) && PERMISSIONS[m.role].some((g) => g.action === action && g.scope === scope)).map((m) => m.organizationId))];
}

/** The units for which the actor holds `action` through a unit-scoped grant (an officer's units), optionally in one organisation. */
export function grantedUnitIds(actor: Actor, action: Action, organizationId?: string): string[] {
  const memberships = actor.memberships.filter((m) => (organizationId === undefined || m.organizationId === organizationId) && isRole(m.role) && PERMISSIONS[m.role].some((g) => g.action === action && g.scope === "unit"));
  return [...new Set(memberships.flatMap((m) => m.unitIds))];
}
