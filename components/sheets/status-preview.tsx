"use client";
// The status the KPI would get with the values being typed: the same pure rule the server uses (lib/progress via
// measureStatus), run in the browser on every keystroke — no round trip. Shown in words, never by colour alone.
import { measureStatus } from "@/lib/measures/measure-status";
import { readValueInput } from "@/lib/sheets/value-input";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import type { ProgressRule, RuleContext, SeriesInput } from "@/lib/progress/types";

export type StatusPreviewInput = {
  kind: "kpi" | "goal";
  rule: ProgressRule | RuleContext;
  series: { seriesId: string; input: SeriesInput }[];
};

export function StatusPreview({ preview, year, values }: { preview: StatusPreviewInput; year: number; values: Record<string, string> }) {
  const series = preview.series.map(({ seriesId, input }) => {
    const read = readValueInput(values[seriesId] ?? "", input.unit);
    const typed = read.ok && (read.value !== null || read.text !== null) ? [{ year, value: read.value, text: read.text }] : [];
    return { ...input, actuals: [...input.actuals, ...typed].sort((a, b) => a.year - b.year) };
  });
  const status = measureStatus(preview.kind, series, preview.rule, year, null);
  return (
    <section className="status-panel" aria-labelledby="status-preview-heading">
      <h2 id="status-preview-heading" style={{ marginTop: 0, fontSize: 18 }}>入力中の値での進捗状況（{fiscalYearWithWestern(year)}評価・目安）</h2>
      <div aria-live="polite" aria-atomic="true">
        <p style={{ margin: 0 }}>
          判定：<strong data-testid="status-preview">{status.statusLabel}</strong>
        </p>
        <ul style={{ margin: "4px 0 0" }}>
          {status.series.map((s) => (
            <li key={s.label}>
              {status.series.length > 1 && `${s.label}：${s.statusLabel}　`}
              <span className="muted">{s.explanation}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="hint">公開される判定は、承認後の値で同じ方法により計算されます。</p>
    </section>
  );
}
