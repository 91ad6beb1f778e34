import { ScrollRegion } from "@/components/scroll-region";
import type { FileCheck } from "@/lib/opendata/machine-readability/plan-files";
import { apiPlanChecksPath } from "@/lib/opendata/paths";

const STATUS_LABEL = { pass: "適合", fail: "不適合", not_applicable: "対象外" } as const;
const FILES = ["values.csv", "narratives.csv", "statuses.csv", "data.xlsx"] as const;

type PlanChecks = { organization: string; code: string; slug: string; plan: string; files: FileCheck[] };

/** Per plan and file: how many rules pass, fail or do not apply; then per rule and kind of file, across the plans
 *  (each plan's full result, with what each rule found, is its JSON). */
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
                    <th scope="rowgroup" rowSpan={p.files.length} style={{ minWidth: "10em" }}>
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
      <ScrollRegion label="ルールごとの結果">
        <table className="data-table">
          <caption>ルールごとの結果（一覧の {plans.length} 計画のファイル）</caption>
          <thead>
            <tr>
              <th scope="col">ルール</th>
              {FILES.map((file) => (
                <th scope="col" key={file}>
                  {file}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plans[0].files[0].results.map((rule, i) => (
              <tr key={rule.id}>
                <th scope="row" style={{ minWidth: "14em" }}>
                  {rule.id} {rule.name}
                </th>
                {FILES.map((file) => {
                  const results = plans.map((p) => ({ plan: p, result: p.files.find((f) => f.file === file)!.results[i] }));
                  const failed = results.filter((r) => r.result.status === "fail");
                  if (results.every((r) => r.result.status === "not_applicable")) return <td key={file}>{STATUS_LABEL.not_applicable}</td>;
                  return (
                    <td key={file}>
                      {failed.length === 0 ? `${STATUS_LABEL.pass}（${results.length}計画）` : `${STATUS_LABEL.fail}（${failed.length}計画）`}
                      {failed.map((f) => (
                        <div className="muted" key={f.plan.slug}>
                          {f.plan.organization} {f.plan.plan}：{f.result.detail}
                        </div>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
