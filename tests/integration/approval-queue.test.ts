// The planning division's approval queue and review screen against a real database: submitted sheets first,
// counts by state and department, the filters, overdue from the deadline that holds; the review data (values
// old → new, narratives); the history and the audit log after an approval; other roles and organisations refused.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { approveSheetEntry, returnSheetEntry, saveSheetEntry } from "../helpers/outcome";
import { getApprovalQueue } from "../../lib/sheets/queue";
import { getSheetReview } from "../../lib/sheets/approval-review";
import { getSheetHistory } from "../../lib/audit/history";
import { getWorkList } from "../../lib/sheets/queries";
import { getAuditLogPage, getRecentAudit } from "../../lib/audit/audit-log";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
const queries = useQueryCounter(database); // also points lib/db at this file's database
const actors: Record<string, Actor> = {};
const ids: Record<string, string> = {};
const EFFORT = "【令和5年度】英語教育推進リーダーによる授業改善研修を全域で実施した。";

const measureOf = (no: string) => database.prisma.measure.findFirstOrThrow({ where: { number: no, plan: { slug: "kumamoto-2020" } }, include: { series: { orderBy: { sortOrder: "asc" } } } });
const version = async (measureId: string) => (await database.prisma.sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId, evaluationYear: 2023 } } }))?.version ?? 0;
const queue = (who: string, filters = {}) => getApprovalQueue(actors[who], "430005", "kumamoto-2020", filters);

async function submit34(value: string, effortStatus: string) {
  const m = await measureOf("34");
  const entry = await database.prisma.sheetEntry.findUniqueOrThrow({ where: { measureId_evaluationYear: { measureId: m.id, evaluationYear: 2023 } } });
  return saveSheetEntry(database.prisma, actors.kyoiku, { measureId: m.id, evaluationYear: 2023, version: entry.version, effortStatus, issues: entry.issues, direction: entry.direction, values: { [m.series[0].id]: value } }, "submit");
}

beforeAll(async () => {
  const p = database.prisma;
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020" } });
  const kyoiku = await p.orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "教育庁" }, include: { children: true } });
  ids.kyoiku = kyoiku.id;
  const make = async (key: string, organizationId: string, role: string, unitIds: string[] = []) => {
    await p.user.create({ data: { id: key, email: `${key}@example.jp`, name: `${key}さん`, memberships: { create: { organizationId, role: role as "officer", units: { create: unitIds.map((unitId) => ({ unitId })) } } } } });
    actors[key] = { id: key, memberships: [{ organizationId, role, unitIds }] };
  };
  await make("kyoiku", kumamoto.id, "officer", [kyoiku.id, ...kyoiku.children.map((c) => c.id)]);
  await make("admin", kumamoto.id, "admin");
  await make("committee", kumamoto.id, "committee");
  await make("kamaAdmin", kama.id, "admin");
  // the year's deadline passed yesterday; 教育庁 was given five more days
  const year = await p.evaluationYear.create({ data: { planId: plan.id, fiscalYear: 2023, status: "open", deadline: new Date(Date.now() - 86_400_000) } });
  await p.deadlineExtension.create({ data: { evaluationYearId: year.id, unitId: kyoiku.id, deadline: new Date(Date.now() + 5 * 86_400_000) } });
  // No 1 (健康福祉部) and No 33 (教育庁) have drafts not submitted: overdue, and due soon under the extension
  for (const no of ["1", "33"]) await p.sheetEntry.update({ where: { measureId_evaluationYear: { measureId: (await measureOf(no)).id, evaluationYear: 2023 } }, data: { state: "draft" } });
});

describe("the approval queue", () => {
  it("puts the submitted sheet first, counts by state and department, and marks overdue sheets", async () => {
    expect(await submit34("38.9", EFFORT)).toMatchObject({ ok: true });
    const q = await queue("admin");
    if (q.forbidden) throw new Error("refused");
    expect(q.year).toBe(2023);
    expect(q.rows[0]).toMatchObject({ number: "34", state: "submitted", department: "教育庁" });
    expect(q.rows[0].submittedAt).toBeInstanceOf(Date);
    expect(q.total).toBe(57);
    const count = (state: string) => q.counts.find((c) => c.state === state)!.count;
    expect(count("submitted")).toBe(1);
    expect(count("draft")).toBe(2);
    expect(q.counts.reduce((n, c) => n + c.count, 0)).toBe(57);
    const kyoiku = q.departments.find((d) => d.name === "教育庁")!;
    expect(kyoiku.counts.find((c) => c.state === "submitted")!.count).toBe(1);
    expect(q.rows.find((r) => r.number === "1")).toMatchObject({ state: "draft", deadlineState: "overdue" });
    expect(q.overdue).toBe(1);
  });

  it("filters by state, department and overdue, and keeps the submitted-first order inside a filter", async () => {
    const byDepartment = await queue("admin", { department: ids.kyoiku });
    if (byDepartment.forbidden) throw new Error("refused");
    expect(byDepartment.rows.map((r) => r.number)[0]).toBe("34");
    expect(byDepartment.rows.every((r) => r.department.split("・").includes("教育庁"))).toBe(true);
    expect(byDepartment.rows.map((r) => r.number)).toEqual(expect.arrayContaining(["10", "33", "34"]));
    const published = await queue("admin", { state: "published" });
    if (published.forbidden) throw new Error("refused");
    expect(published.rows.every((r) => r.state === "published")).toBe(true);
    expect(published.rows.some((r) => r.number === "34")).toBe(false);
    const overdue = await queue("admin", { overdue: "1" });
    if (overdue.forbidden) throw new Error("refused");
    expect(overdue.rows.map((r) => r.number)).toEqual(["1"]);
  });

  it("/work marks the overdue sheet for the planning division, and the officer's sheets by their extended deadline", async () => {
    const [round] = await getWorkList(actors.admin);
    expect(round.sheets.find((s) => s.number === "1")).toMatchObject({ deadlineState: "overdue" });
    const [own] = await getWorkList(actors.kyoiku);
    expect(own.sheets.map((s) => s.number)).toEqual(expect.arrayContaining(["10", "33", "34"]));
    // 教育庁's extension (five more days) holds for its sheets: due soon, not overdue
    expect(own.sheets.find((s) => s.number === "33")).toMatchObject({ deadlineState: "due_soon" });
  });

  it("is refused to an officer, a committee member and another organisation's admin", async () => {
    for (const who of ["kyoiku", "committee", "kamaAdmin"]) expect((await queue(who)).forbidden, who).toBe(true);
    for (const who of ["kyoiku", "committee", "kamaAdmin"]) expect((await getSheetReview(actors[who], "430005", "kumamoto-2020", "34")).forbidden, who).toBe(true);
    expect((await getAuditLogPage(actors.kyoiku, {})).forbidden).toBe(true);
    expect(await getRecentAudit(actors.kamaAdmin)).toEqual([]);
  });

});

describe("the review screen", () => {
  it("shows values old → new per series and year, and the narrative against the published one", async () => {
    const r = await getSheetReview(actors.admin, "430005", "kumamoto-2020", "34");
    if (r.forbidden) throw new Error("refused");
    expect(r).toMatchObject({ state: "submitted", year: 2023, canDecide: true, submittedBy: "kyoikuさん" });
    expect(r.values).toEqual([{ seriesId: expect.any(String), label: "累計（中３）", unit: "%", fiscalYear: 2023, before: { value: "36.4", text: "36.4" }, after: { value: "38.9", text: "38.9" } }]);
    expect(r.narratives.map((c) => c.field)).toEqual(["effortStatus"]);
    expect(r.narratives[0].after).toBe(EFFORT);
    expect(r.narratives[0].before).toContain("英語"); // the published R5 text
  });

  it("a return keeps the reason; a resubmission and an approval publish the value; history and audit say so in words", async () => {
    const m = await measureOf("34");
    const returned = await returnSheetEntry(database.prisma, actors.admin, { measureId: m.id, evaluationYear: 2023, version: await version(m.id), reason: "中３の値の出典を記入してください。" });
    expect(returned).toMatchObject({ ok: true });
    expect(await submit34("38.9", `${EFFORT}（出典：英語教育実施状況調査）`)).toMatchObject({ ok: true });
    expect(await approveSheetEntry(database.prisma, actors.admin, { measureId: m.id, evaluationYear: 2023, version: await version(m.id) })).toMatchObject({ ok: true });
    const after = await getSheetReview(actors.admin, "430005", "kumamoto-2020", "34");
    if (after.forbidden) throw new Error("refused");
    expect(after).toMatchObject({ state: "published", canDecide: false, values: [], narratives: [] });

    // the public history: the approval with its value change, old → new, per series and year
    const history = await getSheetHistory(m.id, false);
    const approval = history.find((h) => h.action === "シートを承認・公開")!;
    expect(approval.values).toEqual([expect.objectContaining({ label: "累計（中３）", unit: "%", fiscalYear: 2023, before: { value: "36.4", text: "36.4" }, after: { value: "38.9", text: "38.9" } })]);
    expect(approval.changes[0].after).toContain("出典：英語教育実施状況調査");
    // staff see every step, the return with its reason
    const staff = await getSheetHistory(m.id, true);
    expect(staff.map((h) => h.action)).toEqual(expect.arrayContaining(["シートを提出", "シートを差し戻し", "シートを承認・公開"]));
    expect(staff.find((h) => h.action === "シートを差し戻し")!.reason).toBe("中３の値の出典を記入してください。");

    // the audit log: phrases, the KPI by No and name with a link, the channel, the reason; no codes or ids
    const page = await getAuditLogPage(actors.admin, {});
    if (page.forbidden) throw new Error("refused");
    const rows = page.rows.slice(0, 4);
    expect(rows.map((r) => r.action)).toEqual(["シートを承認・公開", "シートを提出", "シートを差し戻し", "シートを提出"]);
    expect(rows[0].target).toEqual({ label: `No 34 ${m.name}（令和5年度）`, href: "/orgs/430005/plans/kumamoto-2020/measures/34" });
    expect(rows[0].channel).toBe("画面");
    expect(rows[2].reason).toBe("中３の値の出典を記入してください。");
    // what the page prints (the row's id is only React's key)
    const printed = JSON.stringify(page.rows.map((r) => ({ ...r, id: undefined })));
    expect(printed).not.toMatch(/sheet\.|SheetEntry|"c[a-z0-9]{20,}"/);
    const filtered = await getAuditLogPage(actors.admin, { action: "sheet.return", user: "admin" });
    if (filtered.forbidden) throw new Error("refused");
    expect(filtered.total).toBe(1);
    const none = await getAuditLogPage(actors.admin, { from: "2000-01-01", to: "2000-01-02" });
    if (none.forbidden) throw new Error("refused");
    expect(none.total).toBe(0);
  });

  it("the audit page sends the same number of queries for one record as for a page of them", async () => {
    const one = await queries(() => getAuditLogPage(actors.admin, { action: "sheet.return" }));
    const many = await queries(() => getAuditLogPage(actors.admin, {}));
    expect(many).toBeLessThanOrEqual(one + 1); // at most one more kind of target
    expect(many).toBeLessThanOrEqual(12);
  });
});
