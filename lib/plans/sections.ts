// The tree of a plan's sections (柱・基本目標・施策・区分), two levels deep like the plans in the seeds
// (熊本県: 柱 → 施策). KPIs point at a section by id; the set-up definitions (workbook, API) name it by its key,
// which stays as it is when the section is renamed or renumbered. A section is deleted only while no KPI uses it.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import type { Actor } from "../authz/permissions";
import { loadManagedPlan } from "./setup";
import { nextSectionKey, treeOrder, type SectionNode } from "./section-order";

export const SECTION_KIND_LABELS = { pillar: "柱", goal: "基本目標", policy: "施策", section: "区分" } as const;

const optional = (max: number, message: string) => z.string().trim().max(max, message).optional().transform((v) => v || null);
const sectionFields = {
  label: optional(20, "番号は20文字以内にしてください"),
  title: z.string().trim().min(1, "名称を入力してください").max(200, "名称は200文字以内にしてください"),
  kind: z.enum(["pillar", "goal", "policy", "section"], { message: "種類を選んでください" }),
  parentId: z.string().trim().optional().transform((v) => v || null),
};
export const addSectionSchema = z.object({
  planId: z.string().min(1),
  ...sectionFields,
  key: z.string().trim().max(40, "キーは40文字以内にしてください").regex(/^[A-Za-z0-9_-]*$/, "キーは半角英数字と「-」「_」で入力してください").optional().transform((v) => v || null),
});
export const updateSectionSchema = z.object({ planId: z.string().min(1), sectionId: z.string().min(1), ...sectionFields });
export const moveSectionSchema = z.object({ planId: z.string().min(1), sectionId: z.string().min(1), direction: z.enum(["up", "down"]) });
export const deleteSectionSchema = z.object({ planId: z.string().min(1), sectionId: z.string().min(1) });

const nodeSelect = { id: true, key: true, label: true, title: true, kind: true, parentId: true, sortOrder: true } as const;

async function loadSections(tx: Tx, planId: string) {
  return tx.planSection.findMany({ where: { planId }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: nodeSelect });
}

/** A parent must be a top-level section of the same plan; a section that has children stays at the top. */
function checkParent(sections: SectionNode[], sectionId: string | null, parentId: string | null) {
  if (!parentId) return;
  const parent = sections.find((s) => s.id === parentId);
  if (!parent) refuse("invalid", MESSAGES.invalid, { parentId: "この計画の区分を選んでください" });
  if (parentId === sectionId) refuse("invalid", MESSAGES.invalid, { parentId: "自分自身の下には置けません" });
  if (parent.parentId) refuse("invalid", MESSAGES.invalid, { parentId: "上位の区分には最上位の区分を選んでください（2階層まで）" });
  if (sectionId && sections.some((s) => s.parentId === sectionId)) refuse("invalid", MESSAGES.invalid, { parentId: "下位の区分があるため、他の区分の下には置けません" });
}

/** Writes sortOrder 0… in tree order (each parent followed by its children) where it changed. */
async function writeOrder(tx: Tx, before: SectionNode[], ordered: SectionNode[]) {
  for (const [i, s] of ordered.entries()) if (before.find((b) => b.id === s.id)?.sortOrder !== i) await tx.planSection.update({ where: { id: s.id }, data: { sortOrder: i } });
}

export async function addSection(prisma: PrismaClient, actor: Actor, input: z.output<typeof addSectionSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const sections = await loadSections(tx, plan.id);
    checkParent(sections, null, input.parentId);
    const key = input.key ?? nextSectionKey(sections, input.parentId);
    if (sections.some((s) => s.key === key)) refuse("invalid", MESSAGES.invalid, { key: `キー「${key}」の区分はすでにあります` });
    const created = await tx.planSection.create({
      data: { planId: plan.id, key, label: input.label, title: input.title, kind: input.kind, parentId: input.parentId, sortOrder: sections.length },
      select: nodeSelect,
    });
    await writeOrder(tx, [...sections, created], treeOrder([...sections, created]));
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "section.create", entityType: "PlanSection", entityId: created.id, after: { planId: plan.id, key, label: input.label, title: input.title, kind: input.kind, parentId: input.parentId }, via: actor.via });
    return { id: created.id, key };
  });
}

export async function updateSection(prisma: PrismaClient, actor: Actor, input: z.output<typeof updateSectionSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const sections = await loadSections(tx, plan.id);
    const section = sections.find((s) => s.id === input.sectionId);
    if (!section) refuse("not_found", "区分が見つかりません。");
    checkParent(sections, section.id, input.parentId);
    const before = { label: section.label, title: section.title, kind: section.kind, parentId: section.parentId };
    const after = { label: input.label, title: input.title, kind: input.kind, parentId: input.parentId };
    if (JSON.stringify(before) === JSON.stringify(after)) return { id: section.id, changed: false };
    await tx.planSection.update({ where: { id: section.id }, data: after });
    if (before.parentId !== after.parentId) {
      // a new parent: the section goes to the end of its new siblings
      const moved = sections.map((s) => (s.id === section.id ? { ...s, parentId: after.parentId, sortOrder: Number.MAX_SAFE_INTEGER } : s));
      await writeOrder(tx, sections, treeOrder(moved));
    }
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "section.update", entityType: "PlanSection", entityId: section.id, before, after, via: actor.via });
    return { id: section.id, changed: true };
  });
}

export async function moveSection(prisma: PrismaClient, actor: Actor, input: z.output<typeof moveSectionSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const sections = await loadSections(tx, plan.id);
    const section = sections.find((s) => s.id === input.sectionId);
    if (!section) refuse("not_found", "区分が見つかりません。");
    const siblings = treeOrder(sections).filter((s) => s.parentId === section.parentId);
    const i = siblings.findIndex((s) => s.id === section.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return { id: section.id, changed: false };
    const swapped = sections.map((s) => (s.id === siblings[i].id ? { ...s, sortOrder: siblings[j].sortOrder } : s.id === siblings[j].id ? { ...s, sortOrder: siblings[i].sortOrder } : s));
    await writeOrder(tx, sections, treeOrder(swapped));
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "section.reorder", entityType: "PlanSection", entityId: section.id, before: { position: i }, after: { position: j }, via: actor.via });
    return { id: section.id, changed: true };
  });
}

export async function deleteSection(prisma: PrismaClient, actor: Actor, input: z.output<typeof deleteSectionSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const section = await tx.planSection.findFirst({ where: { id: input.sectionId, planId: plan.id }, select: { ...nodeSelect, _count: { select: { measures: true, children: true } } } });
    if (!section) refuse("not_found", "区分が見つかりません。");
    if (section._count.children > 0) refuse("state", `「${section.title}」には下位の区分があるため削除できません。先に下位の区分を削除するか移してください。`);
    if (section._count.measures > 0) refuse("state", `「${section.title}」には指標が${section._count.measures}件あるため削除できません。`);
    await tx.planSection.delete({ where: { id: section.id } });
    const rest = await loadSections(tx, plan.id);
    await writeOrder(tx, rest, treeOrder(rest));
    const { _count, ...before } = section;
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "section.delete", entityType: "PlanSection", entityId: section.id, before, via: actor.via });
    return { id: section.id };
  });
}
