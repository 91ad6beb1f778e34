// Reading an actual value as staff type it: 全角数字, 「1,759」, a trailing unit (「1,759人」), ▲ or △ for a
// negative number, or one of the text cells the sheets print (集計中, －, 完了 …). Never guesses.
import { parsePrintedNumber, toHalfWidth } from "../values/printed-number";

export const TEXT_CELLS = ["集計中", "－", "未実施", "未着手", "完了", "認定", "認定なし", "国調査終了", "調査中止", "実施", "記入予定"] as const;

export type ValueInput = { ok: true; value: string | null; text: string | null } | { ok: false; message: string };

const DASHES = new Set(["-", "－", "—", "―", "ー", "‐"]);

export function readValueInput(raw: string, unit: string | null): ValueInput {
  const typed = raw.trim();
  if (typed === "") return { ok: true, value: null, text: null };
  if (DASHES.has(typed)) return { ok: true, value: null, text: "－" };
  if ((TEXT_CELLS as readonly string[]).includes(typed)) return { ok: true, value: null, text: typed };
  let s = toHalfWidth(typed).replace(/\s+/g, "");
  // a trailing unit: the series' own unit, or a common one (%, 件, 人 …) typed out of habit
  for (const u of [unit, unit ? toHalfWidth(unit) : null, "%", "％"].filter(Boolean) as string[]) {
    if (s.endsWith(u)) {
      s = s.slice(0, -u.length);
      break;
    }
  }
  s = s.replace(/(件|人|%|社|台|箇所|市町村|ha|回|校|組織|区画|世帯|億円|千円|円|万人)$/u, "");
  const number = parsePrintedNumber(s);
  if (number === null) {
    return { ok: false, message: `数値（例：1,759、▲12、45.6）または「${TEXT_CELLS.slice(0, 3).join("」「")}」などの文字で入力してください` };
  }
  if (number.replace(/^-/, "").split(".")[0].length > 14) return { ok: false, message: "桁数が多すぎます" };
  return { ok: true, value: number, text: formatTyped(number) };
}

/** The printed form stored beside the number: thousands separators, decimals as typed. */
function formatTyped(number: string): string {
  const negative = number.startsWith("-");
  const [i, f] = number.replace(/^-/, "").split(".");
  return `${negative ? "▲" : ""}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${f !== undefined ? `.${f}` : ""}`;
}
