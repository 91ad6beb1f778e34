// The era text of a value's 時点 and 期間 as ISO 8601, for the open-data files: 「令和8年1月末時点」 → 2026-01-31,
// 「平成27年⇒令和2年」 / 「H27→R2」 → 2015 and 2020. The printed text stays in its own column; a text these do
// not recognise gives null (an empty cell), never a guess.
import { parseEraYear } from "../fiscal-year";
import { toHalfWidth } from "../values/printed-number";
import type { ValueStatus } from "./columns";

const ERA = String.raw`(?:R|H|令和|平成)\s*(?:元|\d{1,2})`;
const ERA_YEAR = new RegExp(String.raw`^(${ERA})(?:年度?)?$`);

function eraYearOf(text: string): number | null {
  const m = ERA_YEAR.exec(text.trim());
  return m ? parseEraYear(m[1].replace(/\s+/g, "")) : null;
}

/** 「H27→R2」「平成27年⇒令和2年」「R8〜R12」 → { start: 2015, end: 2020 }; null otherwise. */
export function parsePeriod(printed: string | null | undefined): { start: number; end: number } | null {
  if (!printed) return null;
  const parts = toHalfWidth(printed).split(/\s*(?:→|⇒|->|〜|~|－|-)\s*/);
  if (parts.length !== 2) return null;
  const [start, end] = parts.map(eraYearOf);
  return start !== null && end !== null && start <= end ? { start, end } : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 「令和8年1月末時点」 → 2026-01-31, 「令和7年10月1日時点」 → 2025-10-01; null when there is no day to tell. */
export function parseAsOfDate(printed: string | null | undefined): string | null {
  if (!printed) return null;
  const m = new RegExp(String.raw`^(${ERA})年(\d{1,2})月(末|(\d{1,2})日)?\s*(?:時点|現在)?`).exec(toHalfWidth(printed).trim());
  if (!m || !m[3]) return null;
  const year = parseEraYear(m[1].replace(/\s+/g, ""));
  const month = Number(m[2]);
  if (year === null || month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] === "末" ? lastDay : Number(m[4]);
  if (day < 1 || day > lastDay) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NOT_APPLICABLE = /^[－―—–\-ー‐]+$/;
const PENDING = /集計中|記入予定|公表後/;
const DISCONTINUED = /調査終了|調査中止/;

/** Why a cell has no number (the one missing-value convention of the data columns), or "number". */
export function valueStatus(value: number | null, text: string | null): ValueStatus {
  if (value !== null) return "number";
  const t = (text ?? "").trim();
  if (t === "" || NOT_APPLICABLE.test(t)) return "not_applicable";
  if (PENDING.test(t)) return "pending";
  if (DISCONTINUED.test(t)) return "discontinued";
  return "text";
}
