// A plan set up in the app (here: the definition workbook written by openpyxl, applied to くまもと新時代共創総合戦略) still
// publishes files that pass every checkable machine-readability rule. The full browser run found two rows with no
// fiscal year: a 前年比 target that prints no year, and a comparison value with nothing in it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { servePlan, type PlanFormat } from "../../lib/opendata/handlers";
import { checkFile } from "../../lib/opendata/machine-readability/check";
import { DATA_XLSX_SPEC, NARRATIVES_CSV_SPEC, STATUSES_CSV_SPEC, VALUES_CSV_SPEC } from "../../lib/opendata/machine-readability/plan-files";
import { readCsv, readXlsx } from "../../lib/opendata/machine-readability/read";
import { applyDefinitionWorkbook, previewDefinitionWorkbook } from "../../lib/plan-workbook/service";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const p = () => database.prisma;

describe("open data of a plan set up in the app", () => {
  it("passes every checkable rule after the definition workbook is applied", async () => {
    const kumamoto = await p().organization.findUniqueOrThrow({ where: { code: "430005" } });
    const admin = { id: "od-admin", memberships: [{ organizationId: kumamoto.id, role: "admin", unitIds: [] }] };
    await p().user.create({ data: { id: admin.id, email: "od-admin@example.jp", name: "管理者" } });
    const ref = { organizationCode: "430005", planSlug: "kumamoto-2024" };
    const preview = await previewDefinitionWorkbook(p(), admin, { ...ref, bytes: new Uint8Array(readFileSync("tests/fixtures/plan-workbook-openpyxl.xlsx")) }, "secret");
    expect(preview.token).toBeTruthy();
    await applyDefinitionWorkbook(p(), admin, { ...ref, token: preview.token! }, "secret");

    const failures: string[] = [];
    for (const [format, read, spec] of [["values.csv", readCsv, VALUES_CSV_SPEC], ["narratives.csv", readCsv, NARRATIVES_CSV_SPEC], ["statuses.csv", readCsv, STATUSES_CSV_SPEC], ["data.xlsx", readXlsx, DATA_XLSX_SPEC]] as const) {
      const res = await servePlan(p, new Request("http://kpi.example.jp/api/v1/x"), "430005", "kumamoto-2024", format as PlanFormat);
      expect(res.status).toBe(200);
      for (const r of checkFile(read(new Uint8Array(await res.arrayBuffer())), spec).filter((r) => r.status === "fail")) failures.push(`${format}: ${r.id} ${r.detail}`);
    }
    expect(failures).toEqual([]);

    // the 前年比 target (No 4-3) takes the plan's last year; it keeps its printed text
    const csv = await (await servePlan(p, new Request("http://kpi.example.jp/api/v1/x"), "430005", "kumamoto-2024", "values.csv")).text();
    const target = csv.split("\r\n").find((l) => l.includes(",4-3,") && l.includes(",目標値,") && l.includes("前年度比増"));
    expect(target).toContain(",目標値,2027,");
    expect(target).toContain("前年度比増");
  });
});
