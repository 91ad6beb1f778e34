import type { AuditRow } from "@/lib/audit/audit-log";
import { ScrollRegion } from "@/components/scroll-region";

/** Audit records as people read them: when and who, what (a phrase) and how, the target by name with a link, why.
 *  Four columns and a minimum width: on a phone the region scrolls sideways instead of breaking words per letter. */
export function AuditTable({ rows, caption, captionHidden = false }: { rows: AuditRow[]; caption: string; captionHidden?: boolean }) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table" style={{ minWidth: 640 }}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">日時・利用者</th>
            <th scope="col">操作（経路）</th>
            <th scope="col">対象</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={4}>記録はありません。</td></tr>}
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <span style={{ whiteSpace: "nowrap" }}>{a.at.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}</span>
                <div className="muted">{a.user}</div>
              </td>
              <td>
                {a.action}
                <div className="muted">{a.channel}</div>
              </td>
              <td>{a.target.href ? <a href={a.target.href}>{a.target.label}</a> : a.target.label}</td>
              <td>{a.reason ?? "－"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
