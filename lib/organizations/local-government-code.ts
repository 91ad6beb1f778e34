// 全国地方公共団体コード (local government code): five digits and a check digit. The check digit is computed
// from the first five digits with the weights 6, 5, 4, 3, 2: sum, r = sum mod 11, check = (11 − r) mod 10.
// A prefecture's code is its two-digit number followed by 000 (熊本県 43000 + 5); a municipality's first two digits
// are its prefecture's.

export type OrganizationKind = "prefecture" | "municipality";

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** The check digit of a five-digit code body ("43000" → 5). */
export function checkDigit(body: string): number {
  if (!/^\d{5}$/.test(body)) throw new Error(`not five digits: ${body}`);
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** The full six-digit code of a five-digit body. */
export function withCheckDigit(body: string): string {
  return `${body}${checkDigit(body)}`;
}

export type CodeCheck =
  | { ok: true; code: string; kind: OrganizationKind; prefectureCode: string | null }
  | { ok: false; message: string };

/** Reads a typed code (surrounding spaces and full-width digits tolerated) and checks it. */
export function parseLocalGovernmentCode(raw: string): CodeCheck {
  const code = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{6}$/.test(code)) return { ok: false, message: "団体コードは6桁の数字で入力してください" };
  const expected = checkDigit(code.slice(0, 5));
  if (Number(code[5]) !== expected) return { ok: false, message: `団体コードの検査数字（6桁目）が正しくありません（${code.slice(0, 5)} の検査数字は ${expected}）` };
  const prefecture = Number(code.slice(0, 2));
  if (prefecture < 1 || prefecture > 47) return { ok: false, message: "団体コードの上2桁（都道府県）は01〜47です" };
  const kind: OrganizationKind = code.slice(2, 5) === "000" ? "prefecture" : "municipality";
  return { ok: true, code, kind, prefectureCode: kind === "municipality" ? prefectureCodeOf(code) : null };
}

/** The prefecture's code for any code of that prefecture (402273 → 400009). */
export function prefectureCodeOf(code: string): string {
  return withCheckDigit(`${code.slice(0, 2)}000`);
}

export const KIND_LABELS: Record<OrganizationKind, string> = { prefecture: "都道府県", municipality: "市区町村" };
