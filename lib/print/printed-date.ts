// The date a document was printed, as Japanese offices write it: 「令和8年5月3日（2026年5月3日）」, in Japan time.
// Pure: the page passes the clock's reading.
export function printedDateLabel(date: Date): string {
  const era = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" }).format(date);
  const western = new Intl.DateTimeFormat("ja-JP", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" }).format(date);
  return `${era}（${western}）`;
}
