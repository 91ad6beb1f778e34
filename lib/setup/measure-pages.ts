import "server-only";
// Reads of the KPI set-up pages (指標の設定): the plan's KPIs in order, and one KPI's definition with the choices
// its form offers (sections, the organisation's 部 and 課). Only for those who may set the plan up (plan.manage):
// the answer is { forbidden } otherwise, and null for a plan that does not exist.
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";
import { getMeasureDefinitions } from "./measures";
import { canSeePlan } from "../plans/visibility";
import { canonicalFromRow, definitionSelect, type CanonicalMeasure } from "./definition";
import { OWNER_SEPARATOR } from "./measure-form";

export { PLAN_STATUS_LABELS } from "../plans/setup";

async function loadPlan(user: Actor | null, code: string, slug: string) {
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code } },
    select: { id: true, slug: true, name: true, status: true, startYear: true, endYear: true, organizationId: true, organization: { select: { code: true, name: true } } },
  });
  // a 準備中 plan does not exist for outsiders (its name is not theirs to read)
  if (!plan || !canSeePlan(user, plan)) return null;
  return { plan, forbidden: !can(user, "plan.manage", { organizationId: plan.organizationId }) };
}

/** The list page: every KPI of the plan (retired ones too), in order. */
export async function getMeasureSetupList(user: Actor | null, code: string, slug: string) {
  const loaded = await loadPlan(user, code, slug);
  if (!loaded || loaded.forbidden) return loaded && { forbidden: true as const, plan: loaded.plan };
  const definitions = await getMeasureDefinitions(db(), loaded.plan.id, { includeRetired: true });
  return {
    forbidden: false as const,
    plan: loaded.plan,
    rows: definitions.map((d) => ({
      number: d.definition.number,
      name: d.definition.name,
      kind: d.definition.kind,
      owners: d.definition.owners.map((o) => [o.department, o.division].filter(Boolean).join(" ")),
      seriesCount: d.definition.series.length,
      hasBaseline: d.definition.series.some((s) => s.baseline !== null),
      hasTarget: d.definition.series.some((s) => s.target !== null),
      retired: d.retired,
    })),
  };
}

export type OwnerChoice = { value: string; label: string; isDivision: boolean };

/** The form page: the KPI's stored definition (none for a new one), its series with actuals, and the choices. */
export async function getMeasureSetupForm(user: Actor | null, code: string, slug: string, number: string | null) {
  const loaded = await loadPlan(user, code, slug);
  if (!loaded || loaded.forbidden) return loaded && { forbidden: true as const, plan: loaded.plan };
  const { plan } = loaded;
  const [row, sections, units] = await Promise.all([
    number === null ? null : db().measure.findUnique({ where: { planId_number: { planId: plan.id, number } }, select: definitionSelect }),
    db().planSection.findMany({ where: { planId: plan.id }, orderBy: { sortOrder: "asc" }, select: { key: true, label: true, title: true, parentId: true, id: true } }),
    db().orgUnit.findMany({
      where: { organizationId: plan.organizationId },
      orderBy: [{ sortOrder: "asc" }, { path: "asc" }],
      select: { id: true, name: true, parentId: true, retiredAt: true, parent: { select: { name: true } } },
    }),
  ]);
  if (number !== null && !row) return null;
  // series that have actuals or drafts cannot be removed (the form says so beside them)
  const usedSeries = row
    ? await db().valueSeries.findMany({
        where: { measureId: row.id, OR: [{ values: { some: { kind: { not: "target" } } } }, { draftValues: { some: {} } }] },
        select: { label: true },
      })
    : [];
  const ownUnitIds = new Set(row?.owners.map((o) => o.unit.id) ?? []);
  // 部 first, each followed by its 課; a retired unit only while it still owns this KPI
  const offered = units.filter((u) => u.retiredAt === null || ownUnitIds.has(u.id));
  const ownerChoices: OwnerChoice[] = offered
    .filter((u) => u.parentId === null)
    .flatMap((d) => [
      { value: d.name, label: d.name + (d.retiredAt ? "（廃止）" : ""), isDivision: false },
      ...offered.filter((c) => c.parentId === d.id).map((c) => ({ value: `${d.name}${OWNER_SEPARATOR}${c.name}`, label: `${d.name} ${c.name}${c.retiredAt ? "（廃止）" : ""}`, isDivision: true })),
    ]);
  const sectionChoices = sections
    .filter((s) => s.parentId === null)
    .flatMap((s) => [s, ...sections.filter((c) => c.parentId === s.id)])
    .map((s) => ({ value: s.key, label: [s.label, s.title].filter(Boolean).join(" "), nested: s.parentId !== null }));
  const definition: CanonicalMeasure | null = row ? canonicalFromRow(row) : null;
  return {
    forbidden: false as const,
    plan,
    definition,
    retired: row?.retiredAt ?? null,
    seriesWithActuals: usedSeries.map((s) => s.label),
    ownerChoices,
    sectionChoices,
  };
}
