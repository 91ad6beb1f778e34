import { ScrollRegion } from "@/components/scroll-region";
import type { FileCheck } from "@/lib/opendata/machine-readability/plan-files";
import { apiPlanChecksPath } from "@/lib/opendata/paths";

const STATUS_LABEL = { pass: "適合", fail: "不適合", not_applicable: "対象外" } as const;

type PlanChecks = { organization: string; code: string; slug: string; plan: string; files: FileCheck[] };

/** Per plan and file: how many rules pass, fail or do not apply, with each rule's result behind a disclosure. */
export function RuleChecks({ plans }: { plans: PlanChecks[] }) {
  if (plans.length === 0) return <p>このページに一覧した計画はありません。</p>;
  return (
    <>
      <ScrollRegion label="ファイルごとの確認結果">
        <table className="data-table">
          <caption>ファイルごとの確認結果（ルールの数）</caption>
          <thead>
            <tr>
              <th scope="col">計画</th>
              <th scope="col">ファイル</th>
              <th scope="col" className="num">適合</th>
              <th scope="col" className="num">不適合</th>
              <th scope="col" className="num">対象外</th>
            </tr>
          </thead>
          <tbody>
            {plans.flatMap((p) =>
              p.files.map((f, i) => (
                <tr key={`${p.code}/${p.slug}/${f.file}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={p.files.length}>
                      {p.organization} {p.plan}
                      <div>
                        <a href={apiPlanChecksPath(p.code, p.slug)}>
                          結果の JSON<span className="visually-hidden">：{p.plan}</span>
                        </a>
                      </div>
                    </th>
                  )}
                  <th scope="row">{f.file}</th>
                  <td className="num">{f.summary.pass}</td>
                  <td className="num">{f.summary.fail}</td>
                  <td className="num">{f.summary.notApplicable}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollRegion>
      {plans.map((p) => (
        <details key={`${p.code}/${p.slug}`}>
          <summary>
            ルールごとの結果：{p.organization} {p.plan}
          </summary>
          <ScrollRegion label={`ルールごとの結果：${p.plan}`}>
            <table className="data-table">
              <caption>
                ルールごとの結果：{p.organization} {p.plan}
              </caption>
              <thead>
                <tr>
                  <th scope="col">ルール</th>
                  {p.files.map((f) => (
                    <th scope="col" key={f.file}>
                      {f.file}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.files[0].results.map((rule, i) => (
                  <tr key={rule.id}>
                    <th scope="row">
                      {rule.id} {rule.name}
                    </th>
                    {p.files.map((f) => {
                      const r = f.results[i];
                      return (
                        <td key={f.file} data-status={r.status}>
                          {STATUS_LABEL[r.status]}
                          {r.detail && <div className="muted">{r.detail}</div>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ))}
    </>
  );
}
