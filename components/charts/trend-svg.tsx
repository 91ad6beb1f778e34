// 実績値の推移 as plain SVG drawn on the server, for the printed sheet and for the KPI page: it is in the HTML, so
// it shows without JavaScript (the signed-out readers' copies carry none: lib/server/plain-html.mjs), prints and
// saves with the page, and moves nothing when the page loads. Its values are the table's. Years are evenly spaced
// categories; each point carries its printed value; a text cell (集計中, －) is no point and is named under its year;
// a numeric target is a dashed line and a hollow point; an estimate (見込み) is a dotted line, never an actual.
import type { ChartProjection, Trend } from "@/lib/measures/trend";
import { chartGeometry, type ChartBox, type ChartGeometry } from "@/lib/print/chart-geometry";
import { SERIES_COLORS as COLORS } from "./series-colors";

const DASHES = [undefined, "5 3", "2 2", "8 3 2 3"];

/** The drawing's size in its own units and its text size; CSS scales the whole to the box it is in. */
export type TrendSvgSize = { box: ChartBox; font: number; line: number; marker: number; /** every point's value, as the printed sheets have them */ allLabels?: boolean };
export const PRINT_SIZE: TrendSvgSize = { box: { width: 400, height: 210, left: 52, right: 14, top: 14, bottom: 38 }, font: 9, line: 1.8, marker: 3, allLabels: true };
/** A phone (the chart's box up to ~560 px wide) and a wider screen: two drawings, CSS shows the one that fits. */
export const NARROW_SIZE: TrendSvgSize = { box: { width: 360, height: 290, left: 56, right: 14, top: 24, bottom: 52 }, font: 12, line: 2, marker: 4 };
export const WIDE_SIZE: TrendSvgSize = { box: { width: 720, height: 320, left: 76, right: 24, top: 24, bottom: 56 }, font: 14, line: 2, marker: 4.5 };

function Marker({ x, y, i, r, hollow = false }: { x: number; y: number; i: number; r: number; hollow?: boolean }) {
  const color = COLORS[i % COLORS.length];
  const fill = hollow ? "#fff" : color;
  return i % 2 === 0 ? (
    <circle cx={x} cy={y} r={hollow ? r + 1 : r} fill={fill} stroke={color} strokeWidth={1.5} />
  ) : (
    <rect x={x - r} y={y - r} width={r * 2} height={r * 2} fill={fill} stroke={color} strokeWidth={1.5} />
  );
}

type Props = { trend: Trend; years: number[]; title: string; projections?: ChartProjection[]; size: TrendSvgSize; className?: string };

/** The drawing alone (no legend). */
export function TrendSvg({ trend, years, title, projections = [], size, className }: Props) {
  const g = chartGeometry(trend, years, size.box, projections);
  const { box } = g;
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const plotBottom = box.height - box.bottom;
  const f = size.font;
  // a value above each point only when the years leave room for it (the table below has them all)
  const slot = (plotRight - plotLeft) / Math.max(years.length, 1);
  const longest = Math.max(0, ...g.series.flatMap((s) => s.points.map((p) => p.label.length)));
  const labelled = size.allLabels || slot >= longest * f * 0.62 + 4;
  return (
    <svg className={className} viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={title} fontSize={f} fontFamily="inherit">
      <title>{title}</title>
      {g.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={plotLeft} x2={plotRight} y1={t.y} y2={t.y} stroke="#ccc" strokeWidth={0.6} />
          <text x={plotLeft - 4} y={t.y} dy={Math.round(f / 3)} textAnchor="end" fill="#333">{t.label}</text>
        </g>
      ))}
      <line x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke="#333" strokeWidth={0.8} />
      <line x1={plotLeft} x2={plotLeft} y1={box.top} y2={plotBottom} stroke="#333" strokeWidth={0.8} />
      {g.xTicks.map((t) => (
        <g key={t.year} className="trend-svg__year">
          <text x={t.x} y={plotBottom} dy={Math.round(f * 1.35)} textAnchor="middle" fill="#333">{t.label}</text>
          {t.notes.length > 0 && (
            <text x={t.x} y={plotBottom} dy={Math.round(f * 2.6)} textAnchor="middle" fill="#8b3200" fontSize={Math.round(f * 9) / 10}>{t.notes.join("・")}</text>
          )}
        </g>
      ))}
      {g.targets.map((t) => {
        const i = g.series.findIndex((s) => s.key === t.key);
        return (
          <g key={`t${t.key}`}>
            <line x1={plotLeft} x2={plotRight} y1={t.y} y2={t.y} stroke={COLORS[i % COLORS.length]} strokeWidth={1} strokeDasharray="6 4" opacity={0.8} />
            {t.x !== null && <Marker x={t.x} y={t.y} i={i} r={size.marker} hollow />}
          </g>
        );
      })}
      {g.projections.map((p) => {
        const i = g.series.findIndex((s) => s.key === p.key);
        const color = COLORS[i % COLORS.length];
        return (
          <g key={`p${p.key}`}>
            <line x1={p.from.x} y1={p.from.y} x2={p.to.x} y2={p.to.y} stroke={color} strokeWidth={size.line} strokeDasharray="2 4" />
            <circle cx={p.to.x} cy={p.to.y} r={size.marker} fill="#fff" stroke="#333" strokeDasharray="2 2" />
            <text x={p.to.x - size.marker - 3} y={p.to.y} dy={Math.round(f / 3)} textAnchor="end" fill="#111" fontSize={Math.round(f * 9) / 10}>{p.label}</text>
          </g>
        );
      })}
      {g.series.map((s, i) => (
        <g key={s.key} className="trend-svg__series">
          {s.segments.map((seg, j) =>
            seg.length > 1 ? (
              <polyline
                key={j}
                points={seg.map((p) => `${p.x},${p.y}`).join(" ")}
                fill="none"
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={size.line}
                strokeDasharray={DASHES[i % DASHES.length]}
              />
            ) : null,
          )}
          {s.points.map((p) => (
            <g key={p.year} className="trend-svg__point" data-year={p.year}>
              <title>{`${trend.yearLabels[p.year] ?? p.year}（${p.year}）${s.name}：${p.label}`}</title>
              <Marker x={p.x} y={p.y} i={i} r={size.marker} />
              {labelled && (
                <text x={p.x} y={p.y} dy={Math.round(i % 2 === 0 ? -f * 0.6 : f * 1.3)} textAnchor="middle" fill="#111" fontSize={Math.round(f * 9.5) / 10}>{p.label}</text>
              )}
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** The legend: each series' line and marker, each target's dashed line (from a geometry of the same trend and years:
 *  names and targets do not depend on the drawing's size). */
export function TrendLegend({ geometry: g, className }: { geometry: ChartGeometry; className: string }) {
  const many = g.series.length > 1;
  return (
    <ul className={className}>
      {g.series.map((s, i) =>
        s.points.length === 0 ? null : (
          <li key={s.key}>
            <svg viewBox="0 0 30 10" aria-hidden="true">
              <line x1={0} x2={30} y1={5} y2={5} stroke={COLORS[i % COLORS.length]} strokeWidth={2} strokeDasharray={DASHES[i % DASHES.length]} />
              <Marker x={15} y={5} i={i} r={3} />
            </svg>
            {s.name}
          </li>
        ),
      )}
      {g.targets.map((t) => {
        const i = g.series.findIndex((s) => s.key === t.key);
        return (
          <li key={`t${t.key}`}>
            <svg viewBox="0 0 30 10" aria-hidden="true">
              <line x1={0} x2={30} y1={5} y2={5} stroke={COLORS[i % COLORS.length]} strokeWidth={1.2} strokeDasharray="6 4" />
              <Marker x={15} y={5} i={i} r={3} hollow />
            </svg>
            {many ? `${g.series[i].name} ` : ""}
            {t.label}
          </li>
        );
      })}
    </ul>
  );
}

/** The KPI page's chart: a phone's and a wider screen's drawing (CSS shows the one that fits its box), the legend
 *  below. Nothing is drawn when no year has a numeric actual. */
export function ScreenTrendChart({ trend, title, projections = [] }: { trend: Trend; title: string; projections?: ChartProjection[] }) {
  const geometry = chartGeometry(trend, trend.years);
  if (geometry.empty) return <p className="trend-svg__empty">数値の実績値はありません（値は下の表のとおり）</p>;
  return (
    <div className="trend-svg">
      <TrendSvg className="trend-svg__narrow" trend={trend} years={trend.years} title={title} projections={projections} size={NARROW_SIZE} />
      <TrendSvg className="trend-svg__wide" trend={trend} years={trend.years} title={title} projections={projections} size={WIDE_SIZE} />
      <TrendLegend geometry={geometry} className="chart-legend" />
    </div>
  );
}
