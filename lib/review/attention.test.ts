import { describe, expect, it } from "vitest";
import { attentionReasons, orderForReview } from "./attention";
import type { OverviewRow } from "../plans/overview";

const row = (number: string, status: OverviewRow["status"], official: OverviewRow["official"] = null): OverviewRow => ({
  id: number, number, name: `KPI ${number}`, section: null, owners: [], latest: null, unit: null, target: null, rate: null, status, statusLabel: status, explanation: null, official, pending: null,
});

describe("attention", () => {
  it("names why a KPI needs attention", () => {
    expect(attentionReasons(row("1", "worse"), undefined)).toEqual(["worse"]);
    expect(attentionReasons(row("2", "achieved", { rating: "未達成", agrees: false }), undefined)).toEqual(["official_differs"]);
    expect(attentionReasons(row("3", "achieved"), { state: "draft", publishedAt: null })).toEqual(["changed"]);
    expect(attentionReasons(row("4", "achieved"), { state: "published", publishedAt: null })).toEqual([]);
    expect(attentionReasons(row("5", "fair"), { state: "published", publishedAt: new Date() })).toEqual(["behind", "changed"]);
  });
  it("puts attention first, least favourable first, the rest in printed order", () => {
    const items = [row("1", "achieved"), row("2", "behind"), row("3", "on_track"), row("4", "worse")].map((r) => ({ row: r, reasons: attentionReasons(r, undefined) }));
    expect(orderForReview(items).map((i) => i.row.number)).toEqual(["4", "2", "1", "3"]);
  });
});
