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
