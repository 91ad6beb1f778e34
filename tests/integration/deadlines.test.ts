// Deadlines that hold: after the deadline that holds for a sheet, submitting is refused (drafts still save);
// an extension for the sheet's department or for the sheet itself lets it through, another department's does not;
// a closed year freezes its sheets (save, submit, approve, return) on every channel; the planning division's
// year form (a past deadline needs confirmation, reminder days validated, extensions audited, others refused).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { approveSheetEntry, returnSheetEntry, saveSheetEntry } from "../helpers/outcome";
import { extendDeadline, removeExtension, setEvaluationYear } from "../../lib/evaluation/year-mutations";
import { evaluationYearSchema, extensionRemoveSchema, extensionSchema, parseReminderDays } from "../../lib/evaluation/year-schemas";
import { createApiToken } from "../../lib/tokens/mutations";
import { useTestDatabase } from "../helpers/database-per-file";
import * as submitRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/submit/route";

const database = useTestDatabase("seeded");
const actors: Record<string, Actor> = {};
const ids: Record<string, string> = {};

const unitId = async (path: string) => (await database.prisma.orgUnit.findFirstOrThrow({ where: { path, organization: { code: "430005" } } })).id;
const measureOf = async (no: string) => database.prisma.measure.findFirstOrThrow({ where: { number: no, plan: { slug: "kumamoto-2020" } }, include: { series: true } });
const version = async (measureId: string) => (await database.prisma.sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId, evaluationYear: 2023 } } }))?.version ?? 0;

async function sheet(no: string, intent: "draft" | "submit", who = "shoko") {
  const m = await measureOf(no);
  return saveSheetEntry(database.prisma, actors[who], { measureId: m.id, evaluationYear: 2023, version: await version(m.id), effortStatus: `No ${no} の取組`, issues: null, direction: null, values: { [m.series[0].id]: "10" } }, intent);
}

const yearForm = (actor: Actor, input: Record<string, unknown>) =>
  runAction(actor, { planId: ids.plan, fiscalYear: "2023", ...input }, { name: "t", schema: evaluationYearSchema, run: (a, i) => setEvaluationYear(database.prisma, a, i), publishes: false, message: "ok" });
const extend = (actor: Actor, input: Record<string, unknown>) =>
  runAction(actor, { planId: ids.plan, fiscalYear: "2023", reason: "災害対応のため", ...input }, { name: "t", schema: extensionSchema, run: (a, i) => extendDeadline(database.prisma, a, i), publishes: false, message: "ok" });

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  (globalThis as { kpiPrisma?: unknown }).kpiPrisma = undefined; // lib/db's client (the API path): this file's database
  const p = database.prisma;
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  ids.kumamoto = kumamoto.id;
  ids.plan = (await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020" } })).id;
  const make = async (key: string, organizationId: string, role: string, unitIds: string[] = []) => {
    await p.user.create({ data: { id: key, email: `${key}@example.jp`, name: key, memberships: { create: { organizationId, role: role as "officer", units: { create: unitIds.map((unitId) => ({ unitId })) } } } } });
    actors[key] = { id: key, memberships: [{ organizationId, role, unitIds }] };
  };
  await make("shoko", kumamoto.id, "officer", [await unitId("商工労働部 / 産業支援課")]); // No 15
  await make("norin", kumamoto.id, "officer", [await unitId("農林水産部 / 農林水産政策課")]); // No 20
  await make("admin", kumamoto.id, "admin");
  await make("viewer", kumamoto.id, "viewer");
  await make("kamaAdmin", kama.id, "admin");
  // the year's deadline passed yesterday
  const yesterday = new Date(Date.now() - 86_400_000);
  await p.evaluationYear.upsert({ where: { planId_fiscalYear: { planId: ids.plan, fiscalYear: 2023 } }, create: { planId: ids.plan, fiscalYear: 2023, status: "open", deadline: yesterday }, update: { status: "open", deadline: yesterday } });
});

describe("the deadline that holds", () => {
  it("refuses a submission after the deadline with the date and whom to ask, and still saves a draft", async () => {
    const refused = await sheet("15", "submit");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.kind).toBe("closed");
    expect(refused.message).toMatch(/^提出期限（令和\d+年\d+月\d+日（\d{4}年\d+月\d+日））を過ぎているため提出できません。期限の延長は企画担当/);
    expect((await sheet("15", "draft")).ok).toBe(true);
    expect((await database.prisma.sheetEntry.findFirstOrThrow({ where: { measure: { number: "15", plan: { slug: "kumamoto-2020" } }, evaluationYear: 2023 } })).state).toBe("draft");
  });

  it("another department's extension does not help; the sheet's own department's does", async () => {
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await extend(actors.admin, { target: "unit", unitId: await unitId("健康福祉部"), deadline: later })).status).toBe("ok");
    expect((await sheet("15", "submit")).ok).toBe(false);
    expect((await extend(actors.admin, { target: "unit", unitId: await unitId("商工労働部"), deadline: later })).status).toBe("ok");
    expect(await sheet("15", "submit")).toMatchObject({ ok: true });
  });

  it("a sheet's own extension lets that sheet through", async () => {
    expect((await sheet("20", "submit", "norin")).ok).toBe(false);
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const r = await extend(actors.admin, { target: "measure", measureNumber: "20", deadline: later });
    expect(r).toMatchObject({ status: "ok", data: { subject: expect.stringMatching(/^No 20 /) } });
    expect((await sheet("20", "submit", "norin")).ok).toBe(true);
  });

  it("the API answers a refused submission as a 409 problem, not a 500", async () => {
    const m = await measureOf("1");
    const officer = await database.prisma.user.create({ data: { email: "kenko@example.jp", name: "健康", memberships: { create: { organizationId: ids.kumamoto, role: "officer", units: { create: [{ unitId: await unitId("健康福祉部 / 健康福祉政策課") }] } } } } });
    // the 健康福祉部 extension above was removed in between? no: remove it now, so No 1 is past its deadline
    const ext = await database.prisma.deadlineExtension.findFirstOrThrow({ where: { unit: { path: "健康福祉部" } } });
    expect((await runAction(actors.admin, { extensionId: ext.id }, { name: "t", schema: extensionRemoveSchema, run: (a, i) => removeExtension(database.prisma, a, i), publishes: false, message: "ok" })).status).toBe("ok");
    await saveSheetEntry(database.prisma, { id: officer.id, memberships: [{ organizationId: ids.kumamoto, role: "officer", unitIds: (await database.prisma.membershipUnit.findMany({ where: { membership: { userId: officer.id } } })).map((u) => u.unitId) }] }, { measureId: m.id, evaluationYear: 2023, version: await version(m.id), effortStatus: "取組", issues: null, direction: null, values: {} }, "draft");
    const { token } = await createApiToken(database.prisma, { id: officer.id, memberships: [] }, { name: "RPA", days: 30 });
    const response = await (submitRoute.POST as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new Request("http://localhost/api/v1/organizations/430005/plans/kumamoto-2020/measures/1/entries/2023/submit", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify({ version: await version(m.id) }) }),
      { params: Promise.resolve({ code: "430005", slug: "kumamoto-2020", no: "1", fiscalYear: "2023" }) },
    );
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).detail).toContain("提出期限");
  });
});

describe("a closed year is frozen", () => {
  it("refuses save, submit, approve and return", async () => {
    const m15 = await measureOf("15");
    expect((await database.prisma.sheetEntry.findFirstOrThrow({ where: { measureId: m15.id, evaluationYear: 2023 } })).state).toBe("submitted");
    expect((await yearForm(actors.admin, { status: "closed" })).status).toBe("ok");
    const m20 = await measureOf("20");
    const approve = await approveSheetEntry(database.prisma, actors.admin, { measureId: m15.id, evaluationYear: 2023, version: await version(m15.id) });
    const giveBack = await returnSheetEntry(database.prisma, actors.admin, { measureId: m20.id, evaluationYear: 2023, version: await version(m20.id), reason: "確認" });
    for (const r of [approve, giveBack, await sheet("15", "draft"), await sheet("15", "submit")]) expect(r).toMatchObject({ ok: false, kind: "closed" });
    expect(await database.prisma.sheetEntry.count({ where: { evaluationYear: 2023, state: "published", publishedById: actors.admin.id } })).toBe(0);
  });
});

describe("the year form", () => {
  it("reads reminder days as staff type them and refuses the rest", () => {
    expect(parseReminderDays("7,1")).toEqual([7, 1]);
    expect(parseReminderDays("１、７，14")).toEqual([14, 7, 1]);
    expect(parseReminderDays("")).toEqual([]);
    for (const bad of ["7;1", "-1", "1.5", "91", "1,2,3,4,5,6", "七"]) expect(parseReminderDays(bad)).toBeNull();
  });

  it("asks for confirmation before opening a year whose deadline has passed, stores the end of that day in Japan", async () => {
    const past = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const refused = await yearForm(actors.admin, { status: "open", deadline: past, reminderDays: "7,1" });
    expect(refused).toMatchObject({ status: "error", code: "invalid", fieldErrors: { confirmPastDeadline: expect.any(String) } });
    expect((await database.prisma.evaluationYear.findFirstOrThrow({ where: { planId: ids.plan, fiscalYear: 2023 } })).status).toBe("closed");
    expect(await yearForm(actors.admin, { status: "open", deadline: "2027-03-31", reminderDays: "7;1" })).toMatchObject({ status: "error", fieldErrors: { reminderDays: expect.stringContaining("7,1") } });
    expect((await yearForm(actors.admin, { status: "open", deadline: past, reminderDays: "14, 3", confirmPastDeadline: "yes" })).status).toBe("ok");
    const year = await database.prisma.evaluationYear.findFirstOrThrow({ where: { planId: ids.plan, fiscalYear: 2023 } });
    expect(year).toMatchObject({ status: "open", reminderDays: [14, 3] });
    expect(year.deadline!.toISOString()).toBe(new Date(`${past}T14:59:59.999Z`).toISOString());
    // saving the same open year again (reminder days only) does not ask again
    expect((await yearForm(actors.admin, { status: "open", deadline: past, reminderDays: "7,1" })).status).toBe("ok");
  });

  it("refuses an extension that is not later than the deadline, or names a 課 or another organisation's unit", async () => {
    const year = await database.prisma.evaluationYear.findFirstOrThrow({ where: { planId: ids.plan, fiscalYear: 2023 } });
    const sameDay = year.deadline!.toISOString().slice(0, 10);
    expect(await extend(actors.admin, { target: "unit", unitId: await unitId("土木部"), deadline: "2020-01-01" })).toMatchObject({ status: "error", fieldErrors: { deadline: expect.any(String) } });
    expect(sameDay).toBeTruthy();
    expect(await extend(actors.admin, { target: "unit", unitId: await unitId("土木部 / 港湾課"), deadline: "2099-01-01" })).toMatchObject({ status: "error", fieldErrors: { unitId: expect.any(String) } });
    const kamaUnit = await database.prisma.orgUnit.findFirstOrThrow({ where: { organization: { code: "402273" }, parentId: null } });
    expect(await extend(actors.admin, { target: "unit", unitId: kamaUnit.id, deadline: "2099-01-01" })).toMatchObject({ status: "error", fieldErrors: { unitId: expect.any(String) } });
    expect(await extend(actors.admin, { target: "measure", measureNumber: "999", deadline: "2099-01-01" })).toMatchObject({ status: "error", fieldErrors: { measureNumber: expect.any(String) } });
    expect(await extend(actors.admin, { target: "measure", deadline: "2099-01-01", reason: "" })).toMatchObject({ status: "error", fieldErrors: { measureNumber: expect.any(String), reason: expect.any(String) } });
  });

  it("a viewer, an officer and another organisation's admin are refused; nothing is written", async () => {
    const before = await database.prisma.auditLog.count();
    const rows = await database.prisma.deadlineExtension.count();
    for (const who of ["viewer", "shoko", "kamaAdmin"]) {
      expect((await yearForm(actors[who], { status: "closed" })).status).toBe("error");
      const r = await extend(actors[who], { target: "unit", unitId: await unitId("土木部"), deadline: "2099-01-01" });
      expect(r).toMatchObject({ status: "error", code: who === "kamaAdmin" ? "not_found" : "forbidden" });
      const ext = await database.prisma.deadlineExtension.findFirstOrThrow();
      expect((await runAction(actors[who], { extensionId: ext.id }, { name: "t", schema: extensionRemoveSchema, run: (a, i) => removeExtension(database.prisma, a, i), publishes: false, message: "ok" })).status).toBe("error");
    }
    expect(await database.prisma.auditLog.count()).toBe(before);
    expect(await database.prisma.deadlineExtension.count()).toBe(rows);
  });

  it("audits every extension and its removal with the reason", async () => {
    const logs = await database.prisma.auditLog.findMany({ where: { action: { in: ["evaluation.extend", "evaluation.extensionRemove"] } }, orderBy: { createdAt: "asc" } });
    expect(logs.map((l) => l.action)).toEqual(["evaluation.extend", "evaluation.extend", "evaluation.extend", "evaluation.extensionRemove"]);
    expect(logs[0]).toMatchObject({ reason: "災害対応のため", entityType: "DeadlineExtension", after: expect.objectContaining({ subject: "健康福祉部" }) });
    expect(logs[3]).toMatchObject({ before: expect.objectContaining({ subject: "健康福祉部" }) });
  });
});

describe("overdue marks in the staff view of the overview", () => {
  it("marks an unsubmitted sheet past its deadline for the organisation's staff only", async () => {
    const { getStaffSheetMarks } = await import("../../lib/sheets/staff-marks");
    const committee: Actor = { id: "c", memberships: [{ organizationId: ids.kumamoto, role: "committee", unitIds: [] }] };
    expect(await getStaffSheetMarks(committee, "430005", "kumamoto-2020")).toBeNull();
    expect(await getStaffSheetMarks(actors.kamaAdmin, "430005", "kumamoto-2020")).toBeNull();
    expect(await getStaffSheetMarks(null, "430005", "kumamoto-2020")).toBeNull();
    const marks = await getStaffSheetMarks(actors.viewer, "430005", "kumamoto-2020");
    expect(marks?.fiscalYear).toBe(2023);
    const [no1, no15] = [await measureOf("1"), await measureOf("15")];
    expect(marks!.marks[no1.id]).toMatchObject({ state: "draft", deadline: "overdue" }); // its department's extension was removed
    expect(marks!.marks[no15.id]).toMatchObject({ state: "submitted", deadline: "done" });
  });
});
