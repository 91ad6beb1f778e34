import type { AuditRow } from "@/lib/audit/audit-log";
import { ScrollRegion } from "@/components/scroll-region";

/** Audit records as people read them: when, who, what (a phrase), the target by name with a link, how, why. */
export function AuditTable({ rows, caption, captionHidden = false }: { rows: AuditRow[]; caption: string; captionHidden?: boolean }) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">利用者</th>
            <th scope="col">操作</th>
            <th scope="col">対象</th>
            <th scope="col">経路</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={6}>記録はありません。</td></tr>}
          {rows.map((a) => (
            <tr key={a.id}>
              <td>{a.at.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}</td>
              <td>{a.user}</td>
              <td>{a.action}</td>
              <td>{a.target.href ? <a href={a.target.href}>{a.target.label}</a> : a.target.label}</td>
              <td>{a.channel}</td>
              <td>{a.reason ?? "－"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
