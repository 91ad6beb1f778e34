// The plan workbook (計画の設定用 Excel) against the real database: an unchanged download of every seeded plan
// previews as no change; the fixture saved by openpyxl previews the expected creations and changes and applies
// them in one transaction with audit rows of channel "workbook"; a bad workbook lists every problem with its
// sheet, row and column and writes nothing; a stale preview is refused; other roles and organisations are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Workbook } from "exceljs";
import type { Actor } from "../../lib/authz/permissions";
import { Refusal } from "../../lib/actions/refusal";
import { ForbiddenError } from "../../lib/authz/permissions";
import { getMeasureDefinitions, saveMeasureDefinition } from "../../lib/setup/measures";
import { measureDefinitionSchema } from "../../lib/setup/measure-schema";
import { applyDefinitionWorkbook, downloadDefinitionWorkbook, previewDefinitionWorkbook, type PlanRef } from "../../lib/plan-workbook/service";
import { loadWorkbook } from "../../lib/plan-workbook/read";
import { zip } from "../helpers/zip";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const SECRET = "plan-workbook-test-secret";
const K24: PlanRef = { organizationCode: "430005", planSlug: "kumamoto-2024" };
const FIXTURE = new Uint8Array(readFileSync(new URL("../fixtures/plan-workbook-openpyxl.xlsx", import.meta.url)));
const w = {} as { admin: Actor; kamaAdmin: Actor; officer: Actor; viewer: Actor; k24: string };

beforeAll(async () => {
  const p = database.prisma;
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const doboku = await p.orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "土木部" }, include: { children: true } });
  w.admin = { id: "wb-admin", memberships: [{ organizationId: kumamoto.id, role: "admin", unitIds: [] }] };
  w.kamaAdmin = { id: "wb-kama-admin", memberships: [{ organizationId: kama.id, role: "admin", unitIds: [] }] };
  w.officer = { id: "wb-officer", memberships: [{ organizationId: kumamoto.id, role: "officer", unitIds: [doboku.id, ...doboku.children.map((c) => c.id)] }] };
  w.viewer = { id: "wb-viewer", memberships: [{ organizationId: kumamoto.id, role: "viewer", unitIds: [] }] };
  for (const a of [w.admin, w.kamaAdmin, w.officer, w.viewer]) await p.user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
  w.k24 = (await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2024", organizationId: kumamoto.id } })).id;
});

const bytesOf = async (wb: Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
async function download(actor: Actor, ref: PlanRef) {
  return (await downloadDefinitionWorkbook(database.prisma, actor, ref)).buffer;
}
async function counts() {
  const p = database.prisma;
  return { audit: await p.auditLog.count(), measures: await p.measure.count(), series: await p.valueSeries.count(), owners: await p.measureOwner.count(), targets: await p.seriesValue.count({ where: { kind: "target" } }) };
}
async function refusal(promise: Promise<unknown>): Promise<Refusal | ForbiddenError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Refusal || e instanceof ForbiddenError) return e;
    throw e;
  }
  throw new Error("not refused");
}
const errorsOf = (e: Refusal | ForbiddenError) => ((e as Refusal).detail as { errors: string[] } | undefined)?.errors ?? [];

describe("round trip", () => {
  it.each([
    ["430005", "kumamoto-2020"],
    ["430005", "kumamoto-2024"],
    ["402273", "kama-2020"],
    ["402273", "kama-2025"],
  ])("an unchanged download of %s/%s previews as no change", async (code, slug) => {
    const actor = code === "430005" ? w.admin : w.kamaAdmin;
    const before = await counts();
    const bytes = await download(actor, { organizationCode: code, planSlug: slug });
    const preview = await previewDefinitionWorkbook(database.prisma, actor, { organizationCode: code, planSlug: slug, bytes }, SECRET);
    expect(preview.changes).toEqual([]);
    expect(preview.token).toBeNull();
    const plan = await database.prisma.plan.findFirstOrThrow({ where: { slug, organization: { code } } });
    expect(preview.unchanged).toBe(await database.prisma.measure.count({ where: { planId: plan.id } }));
    expect(await counts()).toEqual(before);
  });
});

describe("refused", () => {
  it("an officer, a viewer and another organisation's admin can neither download nor preview", async () => {
    for (const actor of [w.officer, w.viewer]) {
      expect(await refusal(downloadDefinitionWorkbook(database.prisma, actor, K24))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(previewDefinitionWorkbook(database.prisma, actor, { ...K24, bytes: FIXTURE }, SECRET))).toBeInstanceOf(ForbiddenError);
    }
    const other = await refusal(previewDefinitionWorkbook(database.prisma, w.kamaAdmin, { ...K24, bytes: FIXTURE }, SECRET));
    expect((other as Refusal).code).toBe("not_found");
  });

  it("a token is bound to the user who previewed", async () => {
    const preview = await previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: FIXTURE }, SECRET);
    const e = await refusal(applyDefinitionWorkbook(database.prisma, w.officer, { ...K24, token: preview.token! }, SECRET));
    expect((e as Refusal).message).toMatch(/この計画のものではありません/);
  });
});

describe("a bad workbook", () => {
  it("is not an .xlsx", async () => {
    const e = await refusal(previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: new TextEncoder().encode("No,指標名\n1,x\n") }, SECRET));
    expect(errorsOf(e)[0]).toMatch(/\.xlsx/);
  });

  it("that would expand far beyond its size (a zip bomb) is refused before it is parsed", async () => {
    // one deflated entry of 60 MB of zeros, declared honestly: a few dozen kB on the wire
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }]);
    const e = await refusal(previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: bomb }, SECRET));
    expect(errorsOf(e)[0]).toMatch(/展開すると大きすぎる/);
  });

  it("of another plan is refused naming the 説明 sheet", async () => {
    const bytes = await download(w.admin, { organizationCode: "430005", planSlug: "kumamoto-2020" });
    const e = await refusal(previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes }, SECRET));
    expect(errorsOf(e)).toEqual([expect.stringMatching(/^シート『説明』：別の計画のファイルです（団体コード 430005、計画コード kumamoto-2020）/)]);
  });

  it("lists every error with sheet, row and column and writes nothing", async () => {
    const before = await counts();
    const wb = (await loadWorkbook(FIXTURE))!;
    const ws = wb.getWorksheet("指標")!;
    const col = (h: string) => {
      let c = 0;
      ws.getRow(1).eachCell((cell, i) => (cell.value === h ? (c = i) : 0));
      return c;
    };
    const rowOf = (no: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (String(ws.getCell(r, col("No")).value) === no) return r;
      throw new Error(no);
    };
    const r42 = rowOf("4-2");
    const r44 = rowOf("4-4");
    ws.getCell(r42, col("目標の種類")).value = "たくさん";
    ws.getCell(r44, col("担当課1")).value = "存在しない課";
    const dup = ws.rowCount + 1;
    ws.getCell(dup, col("No")).value = "4-2";
    ws.getCell(dup, col("系列（区分）")).value = "累計";
    ws.getCell(dup, col("単位")).value = "%";
    ws.getCell(rowOf("4-3"), col("基準値")).value = 1.1234567;
    const e = await refusal(previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: await bytesOf(wb) }, SECRET));
    const errors = errorsOf(e);
    expect(errors).toEqual(
      expect.arrayContaining([
        `シート『指標』の${r42}行目、列『目標の種類』：「たくさん」は選べません。「数値」「以上」「前年比」「達成状態」「期間合計」のいずれかを選んでください`,
        `シート『指標』の${rowOf("4-3")}行目、列『基準値』：小数点以下は6桁までです`,
        `シート『指標』の${r44}行目、列『担当課1』：「土木部」に「存在しない課」という課はありません`,
        `シート『指標』の${dup}行目、列『系列（区分）』：No「4-2」の系列「累計」が重複しています（${r42}行目と同じ）`,
      ]),
    );
    expect(errors.every((m) => /^シート『指標』の\d+行目、列『.+』：/.test(m))).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe("the openpyxl fixture", () => {
  it("previews the expected creations and changes, applies them in one transaction audited as workbook", async () => {
    const before = await counts();
    const preview = await previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: FIXTURE }, SECRET);
    expect(preview.changes.map((c) => [c.number, c.created])).toEqual([["4-2", false], ["4-3", false], ["4-4", false], ["4-8", true]]);
    expect(preview.unchanged).toBe(20);
    const c43 = preview.changes.find((c) => c.number === "4-3")!;
    expect(c43.fields).toEqual(
      expect.arrayContaining([
        { field: "担当", before: "（なし）", after: "土木部 道路整備課、土木部 監理課" },
        { field: "系列「単年」", before: "（なし）", after: "箇所/年、目標 前年比 増加 前年度比増" },
      ]),
    );
    expect(await counts()).toEqual(before);

    const result = await applyDefinitionWorkbook(database.prisma, w.admin, { ...K24, token: preview.token! }, SECRET);
    expect(result).toEqual({ created: ["4-8"], updated: ["4-2", "4-3", "4-4"], retired: [], restored: [] });
    const audits = await database.prisma.auditLog.findMany({ where: { userId: w.admin.id, action: { in: ["measure.create", "measure.update"] } }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.channel])).toEqual([
      ["measure.update", "workbook"],
      ["measure.update", "workbook"],
      ["measure.update", "workbook"],
      ["measure.create", "workbook"],
    ]);
    expect(audits[0].reason).toBe("テスト：担当と目標を設定");

    const defs = await getMeasureDefinitions(database.prisma, w.k24);
    const m42 = defs.find((d) => d.definition.number === "4-2")!.definition;
    expect(m42.owners).toEqual([{ department: "土木部", division: "道路整備課" }]);
    expect(m42.series[0]).toMatchObject({ label: "累計", unit: "%", baseline: { year: 2023, value: "45.5", text: "45.5" }, target: { kind: "number", direction: "higher", year: 2027, value: "60" } });
    expect(m42.series[0].yearlyTargets.map((y) => [y.year, y.value])).toEqual([[2024, "48"], [2025, "52"], [2026, "56"], [2027, "60"]]);
    const m43 = defs.find((d) => d.definition.number === "4-3")!.definition;
    expect(m43.series.map((s) => s.label)).toEqual(["累計", "単年"]);
    expect(m43.series[0].baseline).toEqual({ year: 2023, value: "1027", text: "1,027" });
    expect(m43.series[0].target).toMatchObject({ kind: "at_least", value: "1200", text: "1,200箇所以上" });
    const m44 = defs.find((d) => d.definition.number === "4-4")!.definition;
    expect(m44.series[0].baseline).toEqual({ year: 2023, value: null, text: "集計中" });
    expect(m44.series[0].target).toMatchObject({ kind: "period_total", periodStart: 2024, periodEnd: 2027, value: "100" });
    expect(defs.at(-1)!.definition).toMatchObject({ number: "4-8", section: "4-2", series: [{ label: "累計", target: { kind: "milestone", text: "完了" } }] });

    // the same file again, and a fresh download: nothing left to change
    expect((await previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: FIXTURE }, SECRET)).changes).toEqual([]);
    expect((await previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: await download(w.admin, K24) }, SECRET)).changes).toEqual([]);
  });

  it("a running plan's changed target needs 変更理由 (reported at that row); a preview made stale by another change is refused", async () => {
    const wb = (await loadWorkbook(await download(w.admin, K24)))!;
    const ws = wb.getWorksheet("指標")!;
    const header: Record<string, number> = {};
    ws.getRow(1).eachCell((c, i) => (header[String(c.value)] = i));
    let r42 = 0;
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, header["No"]).value === "4-2") r42 = r;
    ws.getCell(r42, header["目標値"]).value = 65;
    const before = await counts();
    const e = await refusal(previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: await bytesOf(wb) }, SECRET));
    expect(errorsOf(e)).toEqual([expect.stringMatching(new RegExp(`^シート『指標』の${r42}行目、列『変更理由』：運用中の計画の目標値・基準値を変更するには`))]);

    ws.getCell(r42, header["変更理由"]).value = "テスト：目標の見直し";
    let r48 = 0;
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, header["No"]).value === "4-8") r48 = r;
    ws.getCell(r48, header["状態"]).value = "廃止";
    const preview = await previewDefinitionWorkbook(database.prisma, w.admin, { ...K24, bytes: await bytesOf(wb) }, SECRET);
    expect(preview.changes.map((c) => [c.number, c.definitionChanged, c.retire])).toEqual([["4-2", true, null], ["4-8", false, "retire"]]);
    expect(preview.changes[0].fields).toEqual([{ field: "目標（累計）", before: "数値 増加 2027年度 60", after: "数値 増加 2027年度 65" }]);
    expect(await counts()).toEqual(before);

    // changed elsewhere after the preview: refused, nothing written
    const m44 = (await getMeasureDefinitions(database.prisma, w.k24)).find((d) => d.definition.number === "4-2")!;
    await saveMeasureDefinition(database.prisma, w.admin, { planId: w.k24, currentNumber: "4-2", definition: measureDefinitionSchema.parse({ ...m44.definition, footnote: "別の画面で変更" }) });
    const mid = await counts();
    const stale = await refusal(applyDefinitionWorkbook(database.prisma, w.admin, { ...K24, token: preview.token! }, SECRET));
    expect(errorsOf(stale)).toEqual([expect.stringMatching(/の\d+行目：No「4-2」は確認のあとで変更されました/)]);
    expect(await counts()).toEqual(mid);
  });
});
