"use client";
// Opens the browser's print dialog (A4 portrait is set in print.css); shown on screen only.
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      印刷する
    </button>
  );
}
