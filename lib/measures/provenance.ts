// Where a KPI's data came from, told to each audience as it should be: the public reads a source's title
// (「熊本県 ＫＰＩ分析シート（令和5年度評価）」) and, for values entered in the app, 「アプリで入力・承認」 with the
// date; signed-in staff of the organisation also see the source file and lines, the readers' confidence
// notes, who entered a value and through which channel (フォーム／Excel／API). Pure: the page passes the names.
import { fiscalYearLabel } from "../fiscal-year";
import { canRead, type Actor } from "../authz/permissions";

import { CHANNEL_LABELS } from "../audit/channels";

/** Staff of the organisation (閲覧者・担当課職員・企画担当; not the external committee members) see the
 *  internal provenance (the permission table's read part: staff.view). */
export function isOrganisationStaff(user: Actor | null, organizationId: string): boolean {
  return canRead(user, "staff.view", organizationId);
}

type DateLike = Date | string | null;
type Source = { fileName: string; title: string } | null;
export type ProvenanceInput = {
  sourceDocument: Source;
  sourceLineStart: number | null;
  sourceLineEnd: number | null;
  confidence: "high" | "medium" | "low";
  confidenceNote: string | null;
  updatedVia: string | null;
  updatedById: string | null;
  updatedAt: DateLike;
  series: { label: string; values: { kind: string; fiscalYear: number; enteredVia: string | null; enteredById: string | null; updatedAt: DateLike }[] }[];
  entries: {
    evaluationYear: number;
    sourceDocument: Source;
    sourceLineStart: number | null;
    sourceLineEnd: number | null;
    updatedVia: string | null;
    publishedAt: DateLike;
    publishedBy: { name: string } | null;
  }[];
};

export type ProvenanceLine = { what: string; how: string };

const day = (d: DateLike) => (d ? new Date(d).toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "");
const lines = (a: number | null, b: number | null) => (a ? `、${a}${b && b !== a ? `〜${b}` : ""}行` : "");

/** Lines of 「データの出どころ」 for the KPI page; `names` maps user ids to names (staff only). */
export function describeProvenance(m: ProvenanceInput, staff: boolean, names: Map<string, string> = new Map()): { sources: string[]; entered: ProvenanceLine[]; confidence: string | null } {
  const sources: string[] = [];
  const source = (s: Source, a: number | null, b: number | null, prefix = "") => {
    if (!s) return;
    const line = `${prefix}${s.title}${staff ? `（${s.fileName}${lines(a, b)}）` : ""}`;
    if (!sources.includes(line)) sources.push(line);
  };
  source(m.sourceDocument, m.sourceLineStart, m.sourceLineEnd);
  for (const e of m.entries) if (e.sourceDocument && (staff || e.sourceDocument.fileName !== m.sourceDocument?.fileName)) source(e.sourceDocument, e.sourceLineStart, e.sourceLineEnd, `${fiscalYearLabel(e.evaluationYear)}評価の記載：`);

  const who = (id: string | null, via: string | null) => [id ? (names.get(id) ?? "（削除された利用者）") : null, via ? CHANNEL_LABELS[via] ?? via : null].filter(Boolean).join("・");
  const entered: ProvenanceLine[] = [];
  // actuals entered in the app, one line per year (all series of a year were approved together)
  const byYear = new Map<number, { by: string; at: DateLike }>();
  for (const s of m.series)
    for (const v of s.values) if (v.kind === "actual" && v.enteredVia && v.enteredVia !== "seed" && !byYear.has(v.fiscalYear)) byYear.set(v.fiscalYear, { by: who(v.enteredById, v.enteredVia), at: v.updatedAt });
  for (const [year, e] of [...byYear].sort((a, b) => a[0] - b[0])) entered.push({ what: `${fiscalYearLabel(year)}の実績値`, how: staff ? `${e.by}（${day(e.at)}）` : `アプリで入力・承認（${day(e.at)}）` });
  for (const e of m.entries) {
    if (!e.updatedVia || e.updatedVia === "seed" || !e.publishedAt) continue;
    entered.push({ what: `${fiscalYearLabel(e.evaluationYear)}評価の記載`, how: staff ? `${CHANNEL_LABELS[e.updatedVia] ?? e.updatedVia}で入力、${e.publishedBy?.name ?? "企画担当"}が承認（${day(e.publishedAt)}）` : `アプリで入力・承認（${day(e.publishedAt)}）` });
  }
  if (m.updatedVia && m.updatedVia !== "seed") {
    entered.push({ what: "指標の設定（担当・基準値・目標値）", how: staff ? `${who(m.updatedById, m.updatedVia)}（${day(m.updatedAt)}）` : `アプリで設定（${day(m.updatedAt)}）` });
  }
  const confidence = staff && m.confidence !== "high" ? `読み取りの確度：${m.confidence === "low" ? "低" : "中"}${m.confidenceNote ? `（${m.confidenceNote}）` : ""}` : null;
  return { sources, entered, confidence };
}

/** The user ids a staff reader's provenance names. */
export function provenanceUserIds(m: ProvenanceInput): string[] {
  return [...new Set([m.updatedById, ...m.series.flatMap((s) => s.values.map((v) => v.enteredById))].filter((id): id is string => Boolean(id)))];
}

const SOURCE_FILE = /[0-9]{3}_[0-9a-f]{16}\.txt/;
/** A note as the public reads it: an internal source file name (「（003_….txt）」) is left out; the note itself
 *  already names the document as a reader would (「令和2年度評価時のシートでは…」). */
export function publicNote<T extends string | null>(note: T): T {
  if (!note) return note;
  return note
    .replace(new RegExp(`（${SOURCE_FILE.source}[^）]*）`, "g"), "")
    .replace(new RegExp(`\\(${SOURCE_FILE.source}[^)]*\\)`, "g"), "")
    .replace(new RegExp(SOURCE_FILE.source, "g"), "出典資料") as T;
}
