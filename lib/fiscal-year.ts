// Fiscal years are stored as Western integers (令和5年度 = 2023 = April 2023 – March 2024).
// This is the one place that turns them into era labels.

const REIWA_START = 2019; // 令和元年 (R1) = 2019
const HEISEI_START = 1989; // 平成元年 = 1989; 平成31年 = 令和元年 = 2019

/** 「令和5年度」, 「令和元年度」, 「平成30年度」 */
export function fiscalYearLabel(year: number): string {
  return `${eraYear(year)}年度`;
}

/** 「令和5」「令和元」「平成30」 (without 年/年度) */
export function eraYear(year: number): string {
  if (year >= REIWA_START) {
    const n = year - REIWA_START + 1;
    return `令和${n === 1 ? "元" : n}`;
  }
  if (year >= HEISEI_START) {
    const n = year - HEISEI_START + 1;
    return `平成${n === 1 ? "元" : n}`;
  }
  return `${year}`;
}

/** The short form printed on the sheets: 「R5」「H30」 */
export function shortEraYear(year: number): string {
  if (year >= REIWA_START) return `R${year - REIWA_START + 1}`;
  if (year >= HEISEI_START) return `H${year - HEISEI_START + 1}`;
  return `${year}`;
}

/** 「令和5年度（2023）」: both calendars, as staff and the public read them. */
export function fiscalYearWithWestern(year: number): string {
  return `${fiscalYearLabel(year)}（${year}）`;
}

/** 「R5」「令和5」「H30」「平成31」 → 2023, 2023, 2018, 2019; null when it is not an era year. */
export function parseEraYear(label: string): number | null {
  const m = /^(R|H|令和|平成)\s*(元|\d+)$/.exec(label.trim());
  if (!m) return null;
  const n = m[2] === "元" ? 1 : Number(m[2]);
  return (m[1] === "R" || m[1] === "令和" ? REIWA_START : HEISEI_START) + n - 1;
}
