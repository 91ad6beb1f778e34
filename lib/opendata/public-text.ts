// Text cells of the open-data files (CSV and data.xlsx) as the machine-readability rules want them: one line
// (L1-14), no layout spaces (L1-06: leading, trailing and repeated spaces), no platform-dependent characters
// (L1-08: ① → (1), Ⅱ → II, ㈱ → (株), half-width kana → full-width, by NFKC for the rest). The JSON keeps the
// text as printed; the schema says what is replaced.
const CIRCLED = /[\u2460-\u2473]/g; // ① … ⑳
const PLATFORM_DEPENDENT = /[\u2474-\u24ff\u2160-\u217f\u3200-\u33ff\uff61-\uff9f\u2100-\u214f]/gu;

export function publicText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text
    .replace(/\r\n|\r|\n/g, " ")
    .replace(CIRCLED, (c) => `(${c.charCodeAt(0) - 0x2460 + 1})`)
    .replace(PLATFORM_DEPENDENT, (c) => c.normalize("NFKC"))
    .replace(/[ \u3000]{2,}/g, (run) => (run.includes("\u3000") ? "\u3000" : " "))
    .trim();
}

export const PUBLIC_TEXT_NOTE =
  "文字の列は 1 行にし（改行は空白に）、前後の空白と連続した空白を除き、機種依存文字を置き換えています（①→(1)、Ⅱ→II、㈱→(株) など）。JSON は印字どおりです。";
