// A deadline as staff write it: 「令和9年3月31日（2027年3月31日）」, the day in Japan. Pure, usable in the browser.
const ERA = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" });
const WESTERN = new Intl.DateTimeFormat("ja-JP", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" });

/** 「令和9年3月31日」 */
export const eraDateLabel = (d: Date) => ERA.format(d);

/** 「令和9年3月31日（2027年3月31日）」 */
export const deadlineDateLabel = (d: Date) => `${ERA.format(d)}（${WESTERN.format(d)}）`;
