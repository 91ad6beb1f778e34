// A KPI's yearly sheet through the token API: read it (drafts only for who may see them), save a draft with
// values keyed by the series' label, submit, approve, return — through runAction and the action definitions the
// edit and review pages use (lib/sheets/workflow-actions.ts), so the permission table, the optimistic lock and the
// audit are the same. A route's write refreshes no page: only an approval drops the public cache.
import { db } from "../db";
import { runAction, type ActionResult } from "../actions/action";
import { refuse } from "../actions/refusal";
import { can, type Actor } from "../authz/permissions";
import { approveDefinition, returnDefinition, saveDefinition } from "../sheets/workflow-actions";
import { returnSchema, workflowSchema } from "../sheets/schemas";
import type { findMeasure } from "./scope";
import { problemFromResult, pointer, keyToPointer } from "./problem";
import { parseBody } from "./body";
import { sheetPutBody, type SheetResponse } from "./schemas";
import { json } from "./route";
import { httpDate } from "../opendata/http";

export type FoundMeasure = Awaited<ReturnType<typeof findMeasure>>;

const cellText = (v: { value: { toString(): string } | null; text: string | null } | undefined) => (v ? (v.text ?? v.value?.toString() ?? null) : null);

export async function readSheet(actor: Actor, found: FoundMeasure, year: number): Promise<SheetResponse> {
  return (await loadSheet(actor, found, year)).sheet;
}

/** GET of a sheet: the sheet, with Last-Modified (the draft's last save for those who see drafts, else its
 *  publication), so that a polling program can ask If-Modified-Since as well as If-None-Match. */
export async function sheetAnswer(actor: Actor, found: FoundMeasure, year: number): Promise<Response> {
  const { sheet, lastModified } = await loadSheet(actor, found, year);
  return json(sheet, 200, lastModified ? { "Last-Modified": httpDate(lastModified) } : {});
}

async function loadSheet(actor: Actor, found: FoundMeasure, year: number): Promise<{ sheet: SheetResponse; lastModified: Date | null }> {
  const { measure } = found;
  const [entry, actuals] = await Promise.all([
    db().sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId: measure.id, evaluationYear: year } }, include: { draftValues: { where: { fiscalYear: year } } } }),
    db().seriesValue.findMany({ where: { seriesId: { in: measure.series.map((s) => s.id) }, kind: "actual", fiscalYear: year }, select: { seriesId: true, value: true, text: true } }),
  ]);
  const published = (seriesId: string) => cellText(actuals.find((a) => a.seriesId === seriesId));
  if (can(actor, "sheet.viewDraft", found.resource)) {
    const sheet: SheetResponse = {
      number: measure.number,
      fiscalYear: year,
      version: entry?.version ?? 0,
      state: entry?.state ?? "none",
      draft: true,
      values: Object.fromEntries(measure.series.map((s) => {
        const d = entry?.draftValues.find((v) => v.seriesId === s.id);
        return [s.label, d ? cellText(d) : published(s.id)];
      })),
      effortStatus: entry?.effortStatus ?? null,
      issues: entry?.issues ?? null,
      direction: entry?.direction ?? null,
      returnReason: entry?.state === "returned" ? entry.returnReason : null,
    };
    return { sheet, lastModified: entry?.updatedAt ?? null };
  }
  const isPublished = Boolean(entry?.publishedAt);
  const sheet: SheetResponse = {
    number: measure.number,
    fiscalYear: year,
    version: entry?.version ?? 0,
    state: isPublished ? "published" : "none",
    draft: false,
    values: Object.fromEntries(measure.series.map((s) => [s.label, published(s.id)])),
    effortStatus: isPublished ? entry!.publishedEffortStatus : null,
    issues: isPublished ? entry!.publishedIssues : null,
    direction: isPublished ? entry!.publishedDirection : null,
    returnReason: null,
  };
  return { sheet, lastModified: isPublished ? entry!.publishedAt : null };
}

/** Series ids in field-error keys ("values.<id>", "value:<id>") → pointers by the label the client sent. */
function renamer(found: FoundMeasure) {
  const labelOf = new Map(found.measure.series.map((s) => [s.id, s.label]));
  return (key: string) => {
    const m = /^values?[.:](.+)$/.exec(key);
    if (m && labelOf.has(m[1])) return pointer(["values", labelOf.get(m[1])!]);
    return keyToPointer(key);
  };
}

/** Answer of a write: the sheet as it is now, or the problem (a 409 carries the current sheet: nothing is lost). */
async function respond(actor: Actor, found: FoundMeasure, year: number, result: ActionResult<unknown>): Promise<Response> {
  if (result.status === "ok") return json(await readSheet(actor, found, year));
  const current = result.code === "conflict" || result.code === "state" ? await readSheet(actor, found, year) : undefined;
  return problemFromResult(result, { rename: renamer(found), current });
}

const units = (found: FoundMeasure) => Object.fromEntries(found.measure.series.map((s) => [s.id, s.unit]));

async function currentEntry(measureId: string, year: number) {
  return db().sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId, evaluationYear: year } }, select: { effortStatus: true, issues: true, direction: true } });
}

export async function putSheet(actor: Actor, found: FoundMeasure, year: number, body: unknown): Promise<Response> {
  const b = parseBody(sheetPutBody, body);
  const idOf = new Map(found.measure.series.map((s) => [s.label, s.id]));
  const unknown = Object.keys(b.values ?? {}).filter((label) => !idOf.has(label));
  if (unknown.length) {
    refuse("invalid", "入力内容を確認してください。", Object.fromEntries(unknown.map((l) => [`values.${l}`, `この指標に区分「${l}」はありません（${[...idOf.keys()].join("・") || "区分なし"}）`])));
  }
  const entry = await currentEntry(found.measure.id, year);
  const keep = (given: string | null | undefined, now: string | null | undefined) => (given === undefined ? (now ?? "") : (given ?? ""));
  const input = {
    measureId: found.measure.id,
    evaluationYear: year,
    version: b.version,
    effortStatus: keep(b.effortStatus, entry?.effortStatus),
    issues: keep(b.issues, entry?.issues),
    direction: keep(b.direction, entry?.direction),
    values: Object.fromEntries(Object.entries(b.values ?? {}).map(([label, v]) => [idOf.get(label)!, v === null ? "" : String(v)])),
  };
  const result = await runAction(actor, input, { ...saveDefinition(units(found), "draft"), name: "api sheet.save", publishes: false }, "route");
  return respond(actor, found, year, result);
}

export async function submitSheet(actor: Actor, found: FoundMeasure, year: number, body: unknown): Promise<Response> {
  const b = parseBody(workflowSchema.pick({ version: true }), body);
  const entry = await currentEntry(found.measure.id, year);
  // the current draft as it is: its narratives, and no value changes (the draft's values stay)
  const input = { measureId: found.measure.id, evaluationYear: year, version: b.version, effortStatus: entry?.effortStatus ?? "", issues: entry?.issues ?? "", direction: entry?.direction ?? "", values: {} };
  const result = await runAction(actor, input, { ...saveDefinition(units(found), "submit"), name: "api sheet.submit", publishes: false }, "route");
  return respond(actor, found, year, result);
}

export async function approveSheet(actor: Actor, found: FoundMeasure, year: number, body: unknown): Promise<Response> {
  const b = parseBody(workflowSchema.pick({ version: true }), body);
  const result = await runAction(actor, { ...b, measureId: found.measure.id, evaluationYear: year }, { ...approveDefinition, name: "api sheet.approve" }, "route");
  return respond(actor, found, year, result);
}

export async function returnSheet(actor: Actor, found: FoundMeasure, year: number, body: unknown): Promise<Response> {
  const b = parseBody(returnSchema.pick({ version: true, reason: true }), body);
  const result = await runAction(actor, { ...b, measureId: found.measure.id, evaluationYear: year }, { ...returnDefinition, name: "api sheet.return", publishes: false }, "route");
  return respond(actor, found, year, result);
}
