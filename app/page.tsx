import { getMeasureDirectory } from "@/lib/measures/queries";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { MeasureList } from "@/components/measure-list";

// Rendered per request: the data changes as departments update their sheets.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const organizations = await getMeasureDirectory();
  return (
    <>
      <h1>重要業績評価指標（KPI）一覧</h1>
      {organizations.length === 0 && <p>まだ団体が登録されていません。</p>}
      {organizations.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.code}`}>
          <h2 id={`org-${org.code}`}>
            {org.name} <span className="muted">（団体コード {org.code}）</span>
          </h2>
          {org.plans.map((plan) => (
            <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
              <h3 id={`plan-${plan.id}`}>
                {plan.name}{" "}
                <span className="muted">
                  {fiscalYearLabel(plan.startYear)}〜{fiscalYearLabel(plan.endYear)}（{plan.startYear}〜{plan.endYear}）
                </span>
              </h3>
              <MeasureList
                caption={`${plan.name}の指標（${plan.measures.length.toLocaleString("ja-JP")}件）`}
                measures={plan.measures.map((m) => ({
                  id: m.id,
                  number: m.number,
                  name: m.name,
                  section: m.section ? [m.section.label, m.section.title].filter(Boolean).join(" ") : null,
                  owners: m.owners.map((o) => [o.unit.parent?.name, o.unit.name].filter(Boolean).join(" ")),
                }))}
              />
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
