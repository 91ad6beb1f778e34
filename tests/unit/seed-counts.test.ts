// Per source document: the number of seeded measures equals the number of sheets / table rows printed there.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles } from "../../lib/seeds/read-seed-files";

const seeds = readSeedFiles(path.resolve("seeds"));
const source = (file: string) => readFileSync(path.resolve("seeds", "sources", file), "utf8").split("\n");
const measuresOf = (slug: string) => seeds.plans.find((p) => p.plan.slug === slug)!.measures.map((m) => m.measure);

describe("measure counts match the source documents", () => {
  it("熊本県 R5 sheets (001): one measure per ＜別記様式２＞ sheet", () => {
    const sheets = source("001_7a30b14ae71f20b7.txt").filter((l) => l.includes("＜別記様式２＞")).length;
    expect(sheets).toBe(57);
    expect(measuresOf("kumamoto-2020")).toHaveLength(sheets);
  });

  it("熊本県 R2 sheets (003): one evaluation-year-2020 entry per sheet", () => {
    const sheets = source("003_3b902a9643cc633f.txt").filter((l) => l.trim() === "取組状況").length;
    const entries = measuresOf("kumamoto-2020").filter((m) => m.entries.some((e) => e.evaluationYear === 2020));
    expect(entries).toHaveLength(sheets);
  });

  it("嘉麻市 第2期 (004): as many KPIs, ○, △ and × as the printed 合計", () => {
    const lines = source("004_5e369564af07010c.txt");
    const start = lines.findIndex((l) => l.trim() === "合計");
    const totals = lines.slice(start).map((l) => /^(\d+)\t(\d+)\t(\d+)\t(\d+)/.exec(l)).find(Boolean)!;
    const [total, good, fair, poor] = totals.slice(1).map(Number);
    const kpis = measuresOf("kama-2020").filter((m) => m.kind === "kpi");
    expect(kpis).toHaveLength(total);
    const ratings = kpis.map((m) => m.officialRatings.find((r) => r.evaluationYear === 2024)?.rating);
    expect(ratings.filter((r) => r === "○")).toHaveLength(good);
    expect(ratings.filter((r) => r === "△")).toHaveLength(fair);
    expect(ratings.filter((r) => r === "×")).toHaveLength(poor);
  });

  it("嘉麻市 R7–R11 (004): one KPI per table row that names a 担当課", () => {
    const lines = source("004_5e369564af07010c.txt");
    const start = lines.findIndex((l) => l.startsWith("嘉麻市の基本目標\t"));
    const end = lines.findIndex((l, i) => i > start && l.startsWith("※基本目標の数値目標"));
    const rows = lines.slice(start + 1, end).filter((l) => /\t[^\t]+課\s*$/.test(l)).length;
    expect(measuresOf("kama-2025").filter((m) => m.kind === "kpi")).toHaveLength(rows);
  });

  it("くまもと新時代共創総合戦略 (000): one measure per listed main KPI", () => {
    const lines = source("000_940a8f1c86a135a3.txt");
    const start = lines.findIndex((l) => l.includes("主な重要業績評価指標(KPI)一覧"));
    const items = lines.slice(start).filter((l) => l.startsWith("・")).length;
    expect(measuresOf("kumamoto-2024")).toHaveLength(items);
  });
});
