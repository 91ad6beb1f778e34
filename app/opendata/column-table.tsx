import { ScrollRegion } from "@/components/scroll-region";
import type { ColumnDef } from "@/lib/opendata/columns";

/** The column definitions of one CSV file, in file order (the list the CSV writer itself uses). */
export function ColumnTable({ caption, columns }: { caption: string; columns: readonly ColumnDef[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table column-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">列</th>
            <th scope="col">フィールド名（見出し）</th>
            <th scope="col">項目名</th>
            <th scope="col">型・単位</th>
            <th scope="col">内容</th>
            <th scope="col">例</th>
            <th scope="col">JSON の項目</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.key}>
              <td className="num">{i + 1}</td>
              <th scope="row">
                <code>{c.key}</code>
              </th>
              <td className="column-table__title">{c.title}</td>
              <td>
                {c.type}
                {c.unit && <div className="muted">{c.unit}</div>}
              </td>
              <td className="column-table__text">{c.description}</td>
              <td>{c.example === "" ? <span className="muted">（空欄）</span> : c.example}</td>
              <td>
                <code>{c.json}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
