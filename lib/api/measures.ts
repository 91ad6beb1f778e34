// KPI definitions through the token API: the same lib functions as the set-up form and the workbook
// (getMeasureDefinitions, saveMeasureDefinition), the answer in the API's shape (numbers as JSON numbers).
import { db } from "../db";
import { runAction, zodFieldErrors, type ActionResult } from "../actions/action";
import { refuse, MESSAGES } from "../actions/refusal";
import type { Actor } from "../authz/permissions";
import { measureDefinitionFields, measureDefinitionSchema } from "../setup/measure-schema";
import { canonicalFromRow, definitionDigest, definitionSelect, type CanonicalMeasure } from "../setup/definition";
import { getMeasureDefinitions, saveMeasureDefinition } from "../setup/measures";
import { measureCreateBody, measurePatchBody, type MeasureResponse } from "./schemas";
import { objectBody } from "./body";

const toNumber = (v: string | null) => (v === null ? null : Number(v));

export function measureToResponse(m: CanonicalMeasure, retired: boolean): MeasureResponse {
  return {
    ...m,
    series: m.series.map((s) => ({
      ...s,
      baseline: s.baseline && { ...s.baseline, value: toNumber(s.baseline.value) },
      target: s.target && { ...s.target, value: toNumber(s.target.value) },
      yearlyTargets: s.yearlyTargets.map((y) => ({ ...y, value: toNumber(y.value) })),
    })),
    retired,
  };
}

export async function listMeasures(planId: string) {
  const rows = await getMeasureDefinitions(db(), planId, { includeRetired: true });
  return rows.map((r) => measureToResponse(r.definition, r.retired));
}

export async function readMeasure(planId: string, number: string) {
  const row = await db().measure.findUnique({ where: { planId_number: { planId, number } }, select: definitionSelect });
  if (!row) refuse("not_found", `No「${number}」の指標はこの計画にありません。`);
  return measureToResponse(canonicalFromRow(row), row.retiredAt !== null);
}

export function createMeasure(actor: Actor, planId: string, body: unknown) {
  return runAction(
    actor,
    objectBody(body),
    {
      name: "api measure.create",
      schema: measureCreateBody,
      run: (a, { reason, ...definition }) => saveMeasureDefinition(db(), a, { planId, definition, reason }),
      publishes: true,
      message: "指標を追加しました。",
    },
    "route",
  );
}

/** PATCH: the body's top-level fields replace the current definition's, then the whole is validated and saved. */
export function patchMeasure(actor: Actor, planId: string, number: string, body: unknown): Promise<ActionResult<{ number: string }>> {
  const raw = objectBody(body);
  return runAction(
    actor,
    raw,
    {
      name: "api measure.update",
      schema: measurePatchBody,
      run: async (a, patch) => {
        const row = await db().measure.findUnique({ where: { planId_number: { planId, number } }, select: definitionSelect });
        if (!row) refuse("not_found", `No「${number}」の指標はこの計画にありません。`);
        const given = Object.fromEntries(Object.keys(raw).filter((k) => k !== "reason" && k in measureDefinitionFields.shape).map((k) => [k, raw[k]]));
        const merged = measureDefinitionSchema.safeParse({ ...canonicalFromRow(row), ...given });
        if (!merged.success) refuse("invalid", MESSAGES.invalid, zodFieldErrors(merged.error));
        // merged with what was read here: refused as a conflict if the KPI changes before the save's transaction
        return saveMeasureDefinition(db(), a, { planId, currentNumber: number, definition: merged.data, reason: patch.reason, expected: definitionDigest(canonicalFromRow(row)) });
      },
      publishes: (r) => r.changed,
      message: (r) => (r.changed ? "指標を更新しました。" : "変更はありません。"),
    },
    "route",
  );
}
