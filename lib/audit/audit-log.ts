import "server-only";
// The audit log as the planning division reads it: each record's action as a Japanese phrase, its target by
// name (the KPI's No and name with a link, the user's, plan's or unit's name), the person, the channel and the
// reason — never a raw code or id. A page of records and its targets in a fixed number of queries (one per kind
// of target on the page, at most a dozen), whatever the page size.
import { z } from "zod";
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";
import { CHANNEL_LABELS } from "./channels";
import { AUDIT_ACTION_LABELS, actionLabel, entityLabel } from "./labels";
import { fiscalYearLabel } from "../fiscal-year";
import { measurePath, planPath } from "../paths";
import { endOfJapaneseDay } from "../evaluation/deadlines";
import type { Prisma } from "../generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditFiltersSchema = z.object({
  action: z.string().refine((a) => a in AUDIT_ACTION_LABELS).optional().catch(undefined),
  user: z.string().max(64).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export function readAuditFilters(sp: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] !== "" ? sp[k] : undefined);
  return auditFiltersSchema.parse({ action: one("action"), user: one("user"), from: one("from"), to: one("to"), page: one("page") });
}

export type AuditTarget = { label: string; href: string | null };
export type AuditRow = { id: string; at: Date; user: string; action: string; target: AuditTarget; channel: string; reason: string | null };

type Raw = { id: string; action: string; entityType: string; entityId: string; createdAt: Date; before: Prisma.JsonValue; after: Prisma.JsonValue; channel: string | null; apiTokenName: string | null; reason: string | null; user: { name: string } | null };

const rawSelect = { id: true, action: true, entityType: true, entityId: true, createdAt: true, before: true, after: true, channel: true, apiTokenName: true, reason: true, user: { select: { name: true } } } as const;

function auditOrgIds(user: Actor): string[] {
  return user.memberships.filter((m) => can(user, "audit.view", { organizationId: m.organizationId })).map((m) => m.organizationId);
}

/** The latest records of the user's organisations (for /admin's 最近の変更). */
export async function getRecentAudit(user: Actor, take = 30): Promise<AuditRow[]> {
  const orgIds = auditOrgIds(user);
  if (orgIds.length === 0) return [];
  const rows = await db().auditLog.findMany({ where: { organizationId: { in: orgIds } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: rawSelect });
  return describeAuditRows(rows, orgIds);
}

/** One page of the audit log, filtered by action, user and days (Japanese calendar days), newest first. */
export async function getAuditLogPage(user: Actor, filters: AuditFilters) {
  const orgIds = auditOrgIds(user);
  if (orgIds.length === 0) return { forbidden: true as const };
  const where: Prisma.AuditLogWhereInput = {
    organizationId: { in: orgIds },
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.user ? { userId: filters.user } : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gt: endOfJapaneseDay(previousDay(filters.from)) } : {}), ...(filters.to ? { lte: endOfJapaneseDay(filters.to) } : {}) } }
      : {}),
  };
  const page = filters.page ?? 1;
  const [total, rows, people] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select: rawSelect }),
    // the filter's people: the members of the organisations (a former member's records stay reachable by action and date)
    db().user.findMany({ where: { memberships: { some: { organizationId: { in: orgIds } } } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { forbidden: false as const, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), rows: await describeAuditRows(rows, orgIds), people };
}

function previousDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Json = Record<string, unknown>;
const obj = (v: Prisma.JsonValue): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** Records → rows people read: one query per kind of target present, each scoped to the user's organisations. */
async function describeAuditRows(rows: Raw[], orgIds: string[]): Promise<AuditRow[]> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  // a committee member's mark is keyed user:measure:year; a rating's and a comment's KPI sit in the record too
  const reviewMeasure = (r: Raw) => r.entityId.split(":")[1] ?? "";
  const measureIds = [
    ...idsOf("Measure"),
    ...rows.filter((r) => r.entityType === "CommitteeReview").map(reviewMeasure),
    ...rows.filter((r) => r.entityType === "OfficialRating" || r.entityType === "DeadlineExtension").map((r) => text(obj(r.after).measureId) ?? text(obj(r.before).measureId) ?? ""),
  ].filter(Boolean);
  const fromRecord = (key: string) => rows.map((r) => text(obj(r.after)[key]) ?? text(obj(r.before)[key]) ?? "");
  const planIds = [...new Set([...idsOf("Plan"), ...fromRecord("planId")].filter(Boolean))];
  const unitIds = [...new Set([...idsOf("OrgUnit"), ...fromRecord("unitId")].filter(Boolean))];
  const inOrgs = { organizationId: { in: orgIds } };
  const planRef = { select: { slug: true, name: true, organization: { select: { code: true } } } } as const;
  const none = Promise.resolve([]);
  const [sheets, measures, comments, years, plans, sections, units, users, orgs] = await Promise.all([
    idsOf("SheetEntry").length ? db().sheetEntry.findMany({ where: { id: { in: idsOf("SheetEntry") }, measure: { plan: inOrgs } }, select: { id: true, evaluationYear: true, measure: { select: { number: true, name: true, plan: planRef } } } }) : none,
    measureIds.length ? db().measure.findMany({ where: { id: { in: [...new Set(measureIds)] }, plan: inOrgs }, select: { id: true, number: true, name: true, plan: planRef } }) : none,
    idsOf("CommitteeComment").length ? db().committeeComment.findMany({ where: { id: { in: idsOf("CommitteeComment") }, measure: { plan: inOrgs } }, select: { id: true, evaluationYear: true, measure: { select: { number: true, name: true, plan: planRef } } } }) : none,
    idsOf("EvaluationYear").length ? db().evaluationYear.findMany({ where: { id: { in: idsOf("EvaluationYear") }, plan: inOrgs }, select: { id: true, fiscalYear: true, plan: planRef } }) : none,
    planIds.length ? db().plan.findMany({ where: { id: { in: planIds }, ...inOrgs }, select: { id: true, ...planRef.select } }) : none,
    idsOf("PlanSection").length ? db().planSection.findMany({ where: { id: { in: idsOf("PlanSection") }, plan: inOrgs }, select: { id: true, label: true, title: true } }) : none,
    unitIds.length ? db().orgUnit.findMany({ where: { id: { in: unitIds }, ...inOrgs }, select: { id: true, name: true, path: true } }) : none,
    idsOf("User").length ? db().user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, name: true } }) : none,
    idsOf("Organization").length ? db().organization.findMany({ where: { id: { in: idsOf("Organization") } }, select: { id: true, name: true } }) : none,
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [sheetMap, measureMap, commentMap, yearMap, planMap, sectionMap, unitMap, userMap, orgMap] = [byId(sheets), byId(measures), byId(comments), byId(years), byId(plans), byId(sections), byId(units), byId(users), byId(orgs)];
  type MeasureRef = { number: string; name: string; plan: { slug: string; name: string; organization: { code: string } } };
  const kpi = (m: MeasureRef | undefined, year: number | null, suffix = ""): AuditTarget | null =>
    m ? { label: `No ${m.number} ${m.name}${year ? `（${fiscalYearLabel(year)}）` : ""}${suffix}`, href: measurePath(m.plan.organization.code, m.plan.slug, m.number) } : null;
  const plan = (p: { slug: string; name: string; organization: { code: string } } | undefined, suffix = ""): AuditTarget | null => (p ? { label: `${p.name}${suffix}`, href: planPath(p.organization.code, p.slug) } : null);

  const target = (r: Raw): AuditTarget => {
    const before = obj(r.before);
    const after = obj(r.after);
    const found = (() => {
      switch (r.entityType) {
        case "SheetEntry": {
          const s = sheetMap.get(r.entityId);
          return s ? kpi(s.measure, s.evaluationYear) : null;
        }
        case "Measure":
          return kpi(measureMap.get(r.entityId), null) ?? (text(after.name) ? { label: `指標「${text(after.name)}」`, href: null } : null);
        case "OfficialRating":
          return kpi(measureMap.get(text(after.measureId) ?? ""), num(after.evaluationYear), text(after.rating) ? `：${text(after.rating)}` : "");
        case "CommitteeComment": {
          const c = commentMap.get(r.entityId);
          return c ? kpi(c.measure, c.evaluationYear) : null;
        }
        case "CommitteeReview":
          return kpi(measureMap.get(reviewMeasure(r)), Number(r.entityId.split(":")[2]) || null);
        case "EvaluationYear": {
          const y = yearMap.get(r.entityId);
          return y ? plan(y.plan, `　${fiscalYearLabel(y.fiscalYear)}（${y.fiscalYear}）`) : null;
        }
        case "DeadlineExtension": {
          const measure = measureMap.get(text(after.measureId) ?? text(before.measureId) ?? "");
          const subject = text(after.subject) ?? text(before.subject);
          const year = num(after.fiscalYear) ?? num(before.fiscalYear);
          return kpi(measure, year) ?? (subject ? plan(planMap.get(text(after.planId) ?? text(before.planId) ?? ""), `　${subject}${year ? `（${fiscalYearLabel(year)}）` : ""}`) ?? { label: subject, href: null } : null);
        }
        case "Plan":
          return plan(planMap.get(r.entityId));
        case "PlanSection": {
          const s = sectionMap.get(r.entityId);
          const title = s ? [s.label, s.title].filter(Boolean).join(" ") : [text(before.label), text(before.title) ?? text(after.title)].filter(Boolean).join(" ");
          return title ? { label: `施策区分「${title}」`, href: null } : null;
        }
        case "OrgUnit": {
          const u = unitMap.get(r.entityId);
          return u ? { label: u.path || u.name, href: null } : text(after.name) ? { label: text(after.name)!, href: null } : null;
        }
        case "User": {
          const u = userMap.get(r.entityId);
          return u ? { label: `${u.name}さん`, href: null } : null;
        }
        case "Organization": {
          const o = orgMap.get(r.entityId);
          return o ? { label: o.name, href: null } : null;
        }
        case "Invitation":
          // the address the admin typed: known to them already (the record never says whether it was registered)
          return text(after.email) ? { label: text(after.email)!, href: null } : { label: "招待", href: null };
        case "ApiToken":
          return text(after.name) ? { label: `トークン「${text(after.name)}」`, href: null } : null;
        default:
          return null;
      }
    })();
    // a target deleted since (or outside the reader's organisations) is named by its kind, never by its id
    return found ?? { label: `${entityLabel(r.entityType)}（削除済み）`, href: null };
  };

  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    user: r.user?.name ?? "（システム）",
    action: actionLabel(r.action),
    target: target(r),
    // the Excel import is the workbook's channel whatever the record's column says (older records say form)
    channel: r.action === "sheet.import" ? CHANNEL_LABELS.workbook : `${CHANNEL_LABELS[r.channel ?? "form"] ?? CHANNEL_LABELS.form}${r.apiTokenName ? `（${r.apiTokenName}）` : ""}`,
    reason: r.reason ?? text(obj(r.after).reason),
  }));
}
