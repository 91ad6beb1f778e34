/** 「データの出どころ」: the sources by title, what was entered in the app (who, when, channel), and, for staff,
 *  the source files' lines and the readers' confidence note (lib/measures/provenance.ts decides who sees what). */
export function Provenance({ sources, entered, confidence, staff }: { sources: string[]; entered: { what: string; how: string }[]; confidence: string | null; staff: boolean }) {
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">データの出どころ</h2>
      {sources.length === 0 && entered.length === 0 && <p className="muted">この指標のデータはアプリで登録されたものです。</p>}
      {sources.length > 0 && (
        <>
          <h3>出典</h3>
          <ul>
            {sources.map((s) => <li key={s}>{s}</li>)}
          </ul>
        </>
      )}
      {entered.length > 0 && (
        <>
          <h3>アプリでの入力</h3>
          <dl className="measure-meta">
            {entered.map((e) => (
              <div key={e.what} style={{ display: "contents" }}>
                <dt>{e.what}</dt>
                <dd>{e.how}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {confidence && <p>{confidence}</p>}
      {staff && <p className="hint">ファイル名・行番号・読み取りの確度と入力した人は、この団体の職員にだけ表示しています。</p>}
    </section>
  );
}
