// Starting the next period's plan from the current one (次期計画): a new plan (準備中) with the same sections and
// KPIs (No, name, section, footnote, notes, owners, the series' labels and units), linked to the old plan and
// each KPI to its predecessor, so a KPI page can show its trend across periods. Baselines, targets, values,
// sheet entries and ratings are NOT copied: the planning division sets the new period's commitments itself.
// One transaction, one audit record.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { writeAudit } from "../audit/log";
import { inTransaction } from "../actions/transaction";
import type { Actor } from "../authz/permissions";
import { assertSlugFree, loadManagedPlan, planSlug, planSpan, planYear } from "./setup";
import { treeOrder } from "./section-order";

export const nextPeriodSchema = z
  .object({
    planId: z.string().min(1),
    slug: planSlug,
    name: z.string().trim().min(1, "計画名を入力してください").max(200, "計画名は200文字以内にしてください"),
    startYear: planYear,
    endYear: planYear,
  })
  .superRefine(planSpan);

export async function startNextPeriod(prisma: PrismaClient, actor: Actor, input: z.output<typeof nextPeriodSchema>) {
  return inTransaction(prisma, async (tx) => {
    const old = await loadManagedPlan(tx, actor, input.planId);
    await assertSlugFree(tx, old.organizationId, input.slug);
    const plan = await tx.plan.create({
      data: {
        organizationId: old.organizationId,
        slug: input.slug,
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        progressRule: old.progressRule,
        progressSettings: old.progressSettings ?? undefined,
        description: old.description,
        status: "preparing",
        predecessorId: old.id,
      },
      select: { id: true, slug: true },
    });
    // sections: parents first, so each child finds its new parent's id
    const sections = treeOrder(await tx.planSection.findMany({ where: { planId: old.id }, select: { id: true, key: true, label: true, title: true, kind: true, parentId: true, sortOrder: true } }));
    const sectionIds = new Map<string, string>();
    for (const [i, s] of sections.entries()) {
      const created = await tx.planSection.create({
        data: { planId: plan.id, key: s.key, label: s.label, title: s.title, kind: s.kind, sortOrder: i, parentId: s.parentId ? (sectionIds.get(s.parentId) ?? null) : null },
        select: { id: true },
      });
      sectionIds.set(s.id, created.id);
    }
    // KPIs still in use; owners that are retired units are not given to the new period
    const measures = await tx.measure.findMany({
      where: { planId: old.id, retiredAt: null },
      orderBy: [{ sortOrder: "asc" }, { number: "asc" }],
      select: {
        id: true, number: true, name: true, kind: true, sectionId: true, footnote: true, notes: true, sortOrder: true,
        owners: { where: { unit: { retiredAt: null } }, orderBy: { sortOrder: "asc" }, select: { unitId: true } },
        series: { orderBy: { sortOrder: "asc" }, select: { label: true, unit: true } },
      },
    });
    const via = actor.via?.channel ?? "form";
    for (const [i, m] of measures.entries()) {
      await tx.measure.create({
        data: {
          planId: plan.id,
          number: m.number,
          name: m.name,
          kind: m.kind,
          sectionId: m.sectionId ? (sectionIds.get(m.sectionId) ?? null) : null,
          footnote: m.footnote,
          notes: m.notes,
          sortOrder: i,
          predecessorId: m.id,
          updatedById: actor.id || null,
          updatedVia: via,
          owners: { create: m.owners.map((o, k) => ({ unitId: o.unitId, sortOrder: k })) },
          series: { create: m.series.map((s, k) => ({ label: s.label, unit: s.unit, sortOrder: k })) },
        },
        select: { id: true },
      });
    }
    await writeAudit(tx, {
      organizationId: old.organizationId,
      userId: actor.id || null,
      action: "plan.startNextPeriod",
      entityType: "Plan",
      entityId: plan.id,
      before: { planId: old.id, slug: old.slug },
      after: { slug: input.slug, name: input.name, startYear: input.startYear, endYear: input.endYear, sections: sections.length, measures: measures.length },
      via: actor.via,
    });
    return { id: plan.id, slug: plan.slug, sections: sections.length, measures: measures.length };
  });
}
