import type { ContentsPage } from "@/lib/print/layout";
import type { ContentsItem } from "@/lib/print/plan-print";

/** The contents list: No, 指標名, 担当 and the page each sheet is printed on; split into pages beforehand. */
export function PrintContents({ pages }: { pages: ContentsPage<ContentsItem>[] }) {
  return pages.map((p, i) => (
    <section key={i} className="print-page print-contents" aria-label={i === 0 ? "目次" : `目次（${i + 1}）`} data-front="contents">
      {i === 0 ? <h2>目次</h2> : <p className="print-contents__continued">目次（つづき）</p>}
      <table>
        <thead>
          <tr>
            <th scope="col" className="print-contents__no">No</th>
            <th scope="col">指標名</th>
            <th scope="col" className="print-contents__owner">担当</th>
            <th scope="col" className="print-contents__page">頁</th>
          </tr>
        </thead>
        <tbody>
          {p.entries.map((e) => (
            <tr key={e.number}>
              <td className="print-contents__no">{e.number}</td>
              <th scope="row">{e.name}</th>
              <td className="print-contents__owner">{e.owners || "－"}</td>
              <td className="print-contents__page">{e.page}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  ));
}
