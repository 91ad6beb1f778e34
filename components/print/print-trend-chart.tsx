// 実績値の推移 for print: plain SVG drawn on the server (the recharts chart of the KPI page is drawn in the
// browser after hydration, so it would be missing from a printed or saved page). Its values are the table's.
import type { Trend } from "@/lib/measures/trend";
import { chartGeometry } from "@/lib/print/chart-geometry";

const COLORS = ["#0017c1", "#c74700", "#197a4b", "#6a00b8"];
const DASHES = [undefined, "5 3", "2 2", "8 3 2 3"];

function Marker({ x, y, i, hollow = false }: { x: number; y: number; i: number; hollow?: boolean }) {
  const color = COLORS[i % COLORS.length];
  const fill = hollow ? "#fff" : color;
  return i % 2 === 0 ? (
    <circle cx={x} cy={y} r={hollow ? 4 : 3} fill={fill} stroke={color} strokeWidth={1.5} />
  ) : (
    <rect x={x - 3} y={y - 3} width={6} height={6} fill={fill} stroke={color} strokeWidth={1.5} />
  );
}

export function PrintTrendChart({ trend, years, title }: { trend: Trend; years: number[]; title: string }) {
  const g = chartGeometry(trend, years);
  if (g.empty) return <p className="print-chart__empty">数値の実績値はありません</p>;
  const { box } = g;
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const plotBottom = box.height - box.bottom;
  const many = g.series.length > 1;
  return (
    <>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={title} fontSize={9} fontFamily="inherit">
        <title>{title}</title>
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={plotLeft} x2={plotRight} y1={t.y} y2={t.y} stroke="#ccc" strokeWidth={0.6} />
            <text x={plotLeft - 4} y={t.y} dy={3} textAnchor="end" fill="#333">{t.label}</text>
          </g>
        ))}
        <line x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke="#333" strokeWidth={0.8} />
        <line x1={plotLeft} x2={plotLeft} y1={box.top} y2={plotBottom} stroke="#333" strokeWidth={0.8} />
        {g.xTicks.map((t) => (
          <g key={t.year}>
            <text x={t.x} y={plotBottom} dy={12} textAnchor="middle" fill="#333">{t.label}</text>
            {t.notes.length > 0 && (
              <text x={t.x} y={plotBottom} dy={24} textAnchor="middle" fill="#8b3200" fontSize={8}>{t.notes.join("・")}</text>
            )}
          </g>
        ))}
        {g.targets.map((t) => {
          const i = g.series.findIndex((s) => s.key === t.key);
          const color = COLORS[i % COLORS.length];
          return (
            <g key={`t${t.key}`}>
              <line x1={plotLeft} x2={plotRight} y1={t.y} y2={t.y} stroke={color} strokeWidth={1} strokeDasharray="6 4" opacity={0.8} />
              {t.x !== null && <Marker x={t.x} y={t.y} i={i} hollow />}
            </g>
          );
        })}
        {g.series.map((s, i) => (
          <g key={s.key}>
            {s.segments.map((seg, j) =>
              seg.length > 1 ? (
                <polyline
                  key={j}
                  points={seg.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke={COLORS[i % COLORS.length]}
                  strokeWidth={1.8}
                  strokeDasharray={DASHES[i % DASHES.length]}
                />
              ) : null,
            )}
            {s.points.map((p) => (
              <g key={p.year}>
                <Marker x={p.x} y={p.y} i={i} />
                <text x={p.x} y={p.y} dy={i % 2 === 0 ? -6 : 12} textAnchor="middle" fill="#111" fontSize={8.5}>{p.label}</text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <ul className="print-chart__legend">
        {g.series.map((s, i) =>
          s.points.length === 0 ? null : (
          <li key={s.key}>
            <svg viewBox="0 0 30 10" aria-hidden="true">
              <line x1={0} x2={30} y1={5} y2={5} stroke={COLORS[i % COLORS.length]} strokeWidth={2} strokeDasharray={DASHES[i % DASHES.length]} />
              <Marker x={15} y={5} i={i} />
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
                <Marker x={15} y={5} i={i} hollow />
              </svg>
              {many ? `${g.series[i].name} ` : ""}
              {t.label}
            </li>
          );
        })}
      </ul>
    </>
  );
}
