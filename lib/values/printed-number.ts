// Reading the number a printed cell holds, without ever inventing one.
// 「1,759」→ "1759", 「53.9」→ "53.9", 「△1305」「▲ 1,772」→ "-1305" / "-1772" (△/▲ are minus signs in
// Japanese tables), 「集計中」「－」「完了」→ null. Returned as a decimal string so no float is involved.

const MINUS_SIGNS = /^[△▲\-−－]\s*/;

/** Full-width digits and punctuation to ASCII (Ｕ+FF10…): Japanese input habits. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９．，－＋％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/　/g, " ");
}

/** The number in a printed cell, or null when the cell is text. The whole cell must be the number. */
export function parsePrintedNumber(printed: string): string | null {
  let s = toHalfWidth(printed.trim());
  let negative = false;
  if (MINUS_SIGNS.test(s) && s.replace(MINUS_SIGNS, "") !== "") {
    negative = true;
    s = s.replace(MINUS_SIGNS, "");
  }
  // thousands separators must sit at every third digit: 「1,759」 yes, 「17,59」 no
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const plain = s.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  if (negative && /^0(\.0+)?$/.test(plain)) return plain;
  return negative ? `-${plain}` : plain;
}
