// Departments and divisions (部・庁・本部・公室 → 課), kept by each organisation's planning division (unit.manage):
// add, rename, move, retire and restore. Units are referenced by id everywhere (KPI owners, memberships), so a
// rename or a move keeps every KPI's owners and history; only the unit's and its children's paths change. A
// retired unit (廃止) stays in past records and existing owners, and is no longer offered for new ones.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import { unitKind } from "../org-units/unit-kind";
import { joinUnitPath, recomputePaths, unitNameProblem } from "./path";

const id = z.string().trim().min(1);
const name = z.string().trim().superRefine((v, ctx) => {
  const problem = unitNameProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const optionalParent = z.string().trim().optional().transform((v) => v || null);

export const addUnitSchema = z.object({ organizationId: id, parentId: optionalParent, name });
export const renameUnitSchema = z.object({ organizationId: id, unitId: id, name });
export const moveUnitSchema = z.object({ organizationId: id, unitId: id, parentId: optionalParent });
export const retireUnitSchema = z.object({ organizationId: id, unitId: id, retired: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });

const unitSelect = { id: true, name: true, path: true, parentId: true, retiredAt: true, organizationId: true, children: { select: { id: true, name: true, retiredAt: true } } } as const;

/** The unit, found only within the organisation the actor manages. */
async function loadUnit(tx: Tx, actor: Actor, organizationId: string, unitId: string) {
  assertCan(actor, "unit.manage", { organizationId });
  const unit = await tx.orgUnit.findFirst({ where: { id: unitId, organizationId }, select: unitSelect });
  if (!unit) refuse("not_found", "部署が見つかりません。");
  return unit;
}

/** A parent must be a top-level unit (部) of the same organisation that is not retired: two levels, 部 → 課. */
async function loadParent(tx: Tx, organizationId: string, parentId: string | null, field = "parentId") {
  if (!parentId) return null;
  const parent = await tx.orgUnit.findFirst({ where: { id: parentId, organizationId }, select: { id: true, name: true, path: true, parentId: true, retiredAt: true } });
  if (!parent) refuse("invalid", MESSAGES.invalid, { [field]: "この団体の部局を選んでください" });
  if (parent.parentId) refuse("invalid", MESSAGES.invalid, { [field]: "課の下には部署を置けません。部局を選んでください" });
  if (parent.retiredAt) refuse("invalid", MESSAGES.invalid, { [field]: `「${parent.name}」は廃止されています` });
  return parent;
}

/** The new paths must not collide with another unit's path in the organisation. */
async function assertPathsFree(tx: Tx, organizationId: string, paths: { id: string; path: string }[], field: string) {
  const clash = await tx.orgUnit.findFirst({ where: { organizationId, path: { in: paths.map((p) => p.path) }, id: { notIn: paths.map((p) => p.id) } }, select: { path: true } });
  if (clash) refuse("invalid", MESSAGES.invalid, { [field]: `「${clash.path}」はすでにあります` });
}

/** One pass is enough: the new paths are free (checked above), and a unit's own path (no "/" in a name) can
 *  never equal one of its children's old paths. */
async function writePaths(tx: Tx, paths: { id: string; path: string }[]) {
  for (const p of paths) await tx.orgUnit.update({ where: { id: p.id }, data: { path: p.path } });
}

export async function addUnit(prisma: PrismaClient, actor: Actor, input: z.output<typeof addUnitSchema>) {
  return inTransaction(prisma, async (tx) => {
    assertCan(actor, "unit.manage", { organizationId: input.organizationId });
    const parent = await loadParent(tx, input.organizationId, input.parentId);
    const path = joinUnitPath(parent?.path ?? null, input.name);
    await assertPathsFree(tx, input.organizationId, [{ id: "", path }], "name");
    const last = await tx.orgUnit.aggregate({ where: { organizationId: input.organizationId, parentId: parent?.id ?? null }, _max: { sortOrder: true } });
    const unit = await tx.orgUnit.create({
      data: { organizationId: input.organizationId, parentId: parent?.id ?? null, name: input.name, kind: unitKind(input.name), path, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      select: { id: true, path: true },
    });
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id || null, action: "unit.create", entityType: "OrgUnit", entityId: unit.id, after: { name: input.name, path, parentId: parent?.id ?? null }, via: actor.via });
    return unit;
  });
}

export async function renameUnit(prisma: PrismaClient, actor: Actor, input: z.output<typeof renameUnitSchema>) {
  return inTransaction(prisma, async (tx) => {
    const unit = await loadUnit(tx, actor, input.organizationId, input.unitId);
    if (unit.name === input.name) return { id: unit.id, path: unit.path, changed: false };
    const parent = unit.parentId ? await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.parentId }, select: { path: true } }) : null;
    const paths = recomputePaths({ id: unit.id, name: input.name }, parent?.path ?? null, unit.children);
    await assertPathsFree(tx, input.organizationId, paths, "name");
    await tx.orgUnit.update({ where: { id: unit.id }, data: { name: input.name, kind: unitKind(input.name) } });
    await writePaths(tx, paths);
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id || null, action: "unit.rename", entityType: "OrgUnit", entityId: unit.id, before: { name: unit.name, path: unit.path }, after: { name: input.name, path: paths[0].path }, via: actor.via });
    return { id: unit.id, path: paths[0].path, changed: true };
  });
}

export async function moveUnit(prisma: PrismaClient, actor: Actor, input: z.output<typeof moveUnitSchema>) {
  return inTransaction(prisma, async (tx) => {
    const unit = await loadUnit(tx, actor, input.organizationId, input.unitId);
    if (unit.parentId === input.parentId) return { id: unit.id, path: unit.path, changed: false };
    if (input.parentId === unit.id) refuse("invalid", MESSAGES.invalid, { parentId: "自分自身の下には移せません" });
    if (input.parentId && unit.children.length) refuse("invalid", MESSAGES.invalid, { parentId: `「${unit.name}」には課があるため、他の部局の下には移せません` });
    const parent = await loadParent(tx, input.organizationId, input.parentId);
    const paths = recomputePaths(unit, parent?.path ?? null, unit.children);
    await assertPathsFree(tx, input.organizationId, paths, "parentId");
    const last = await tx.orgUnit.aggregate({ where: { organizationId: input.organizationId, parentId: parent?.id ?? null }, _max: { sortOrder: true } });
    await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: parent?.id ?? null, sortOrder: (last._max.sortOrder ?? -1) + 1 } });
    await writePaths(tx, paths);
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id || null, action: "unit.move", entityType: "OrgUnit", entityId: unit.id, before: { parentId: unit.parentId, path: unit.path }, after: { parentId: parent?.id ?? null, path: paths[0].path }, via: actor.via });
    return { id: unit.id, path: paths[0].path, changed: true };
  });
}

/** Retire (廃止) or restore a unit. Retiring a 部 retires its 課 with it; restoring the 部 restores the 課 that
 *  were retired with it (the same moment), not those retired earlier on their own. */
export async function setUnitRetired(prisma: PrismaClient, actor: Actor, input: z.output<typeof retireUnitSchema>) {
  return inTransaction(prisma, async (tx) => {
    const unit = await loadUnit(tx, actor, input.organizationId, input.unitId);
    if ((unit.retiredAt !== null) === input.retired) return { id: unit.id, changed: false };
    let ids: string[];
    let retiredAt: Date | null;
    if (input.retired) {
      retiredAt = new Date();
      ids = [unit.id, ...unit.children.filter((c) => c.retiredAt === null).map((c) => c.id)];
    } else {
      if (unit.parentId) {
        const parent = await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.parentId }, select: { name: true, retiredAt: true } });
        if (parent.retiredAt) refuse("state", `先に「${parent.name}」を復活してください。`);
      }
      retiredAt = null;
      ids = [unit.id, ...unit.children.filter((c) => c.retiredAt?.getTime() === unit.retiredAt!.getTime()).map((c) => c.id)];
    }
    await tx.orgUnit.updateMany({ where: { id: { in: ids } }, data: { retiredAt } });
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id || null, action: input.retired ? "unit.retire" : "unit.restore", entityType: "OrgUnit", entityId: unit.id, before: { retiredAt: unit.retiredAt }, after: { retiredAt, unitIds: ids }, via: actor.via });
    return { id: unit.id, changed: true };
  });
}
