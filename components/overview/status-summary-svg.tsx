// 進捗状況別の指標数 as a bar chart drawn on the server (SVG in the HTML: shown without JavaScript, printed with the
// page, nothing moves when the page loads). The same counts are in the list above it and the tables below.
import { niceStep, tenth } from "@/lib/print/chart-geometry";
import { statusColor } from "./status-colors";

const SLOT = 90;
const BOX = { height: 220, left: 44, right: 8, top: 26, bottom: 34 };
const FONT = 14;

export function StatusSummarySvg({ data, title }: { data: { status: string; label: string; count: number }[]; title: string }) {
  const width = BOX.left + BOX.right + Math.max(data.length, 3) * SLOT;
  const plotBottom = BOX.height - BOX.bottom;
  const max = Math.max(1, ...data.map((d) => d.count));
  const step = Math.max(1, Math.ceil(niceStep(max, 4)));
  const top = Math.ceil(max / step) * step;
  const yOf = (v: number) => tenth(plotBottom - (v / top) * (plotBottom - BOX.top));
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const barWidth = SLOT * 0.6;
  return (
    // as wide as its box up to its own width (90 units a bar): a fixed width was clipped on a 390 px phone
    <svg className="summary-svg" viewBox={`0 0 ${width} ${BOX.height}`} style={{ maxWidth: width }} role="img" aria-label={title} fontSize={FONT} fontFamily="inherit">
      <title>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={BOX.left} x2={width - BOX.right} y1={yOf(t)} y2={yOf(t)} stroke="#ccc" strokeWidth={0.8} strokeDasharray={t === 0 ? undefined : "3 3"} />
          <text x={BOX.left - 6} y={yOf(t)} dy={Math.round(FONT / 3)} textAnchor="end" fill="#333">{t.toLocaleString("ja-JP")}</text>
        </g>
      ))}
      {data.map((d, i) => {
        const x = BOX.left + i * SLOT + (SLOT - barWidth) / 2;
        const y = yOf(d.count);
        return (
          <g key={d.status} className="summary-svg__bar" data-status={d.status}>
            <title>{`${d.label}：${d.count.toLocaleString("ja-JP")}件`}</title>
            <rect x={x} y={y} width={barWidth} height={tenth(plotBottom - y)} fill={statusColor(d.status)} />
            <text x={x + barWidth / 2} y={y} dy={-6} textAnchor="middle" fill="#111">{d.count.toLocaleString("ja-JP")}</text>
            <text x={x + barWidth / 2} y={plotBottom} dy={Math.round(FONT * 1.4)} textAnchor="middle" fill="#333">{d.label}</text>
          </g>
        );
      })}
      <line x1={BOX.left} x2={width - BOX.right} y1={plotBottom} y2={plotBottom} stroke="#333" strokeWidth={0.8} />
    </svg>
  );
}
