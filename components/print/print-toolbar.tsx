import { PrintButton } from "./print-button";

/** On screen above the pages: print, go back, and how the pages are laid out. Hidden in print. */
export function PrintToolbar({ backHref, backLabel, pages }: { backHref: string; backLabel: string; pages: number }) {
  return (
    <div className="print-toolbar">
      <PrintButton />
      <a href={backHref}>{backLabel}</a>
      <p className="hint">A4 縦・{pages}ページ。ブラウザーの印刷で「PDF に保存」を選ぶと PDF になります。</p>
    </div>
  );
}
