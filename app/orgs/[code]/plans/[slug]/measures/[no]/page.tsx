import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMeasureForRoute } from "@/lib/measures/route";
import { buildMeasureView } from "@/lib/measures/measure-view";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath, printPath, unitPath } from "@/lib/paths";
import { StatusBadge } from "@/components/status-badge";
import { LazyMeasureTrendChart } from "@/components/charts/lazy-measure-trend-chart";
import { ScreenTrendChart } from "@/components/charts/trend-svg";
import { ValuesTable } from "@/components/measure/values-table";
import { Narratives } from "@/components/measure/narratives";
import { History } from "@/components/measure/history";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSheetHistory } from "@/lib/audit/history";
import { can } from "@/lib/authz/permissions";
import { saveOfficialRating } from "./rating-actions";
import { OfficialRatingForm } from "@/components/ratings/official-rating-form";
import { markReviewed, postComment, publishComment } from "@/app/review/actions";
import { CommitteeComments } from "@/components/review/committee-comments";
import { getComments } from "@/lib/review/queries";
import { db } from "@/lib/db";
import { describeProvenance, isOrganisationStaff, provenanceUserIds, publicNote } from "@/lib/measures/provenance";
import { measureSetupPath } from "@/lib/setup/paths";
import { Provenance } from "@/components/measure/provenance";
import { PredecessorTrendSection } from "@/components/measure/predecessor-trend";

type Props = { params: Promise<{ code: string; slug: string; no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = (props: Props) => getMeasureForRoute(props.params);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded ? `No ${loaded.data.measure.number} ${loaded.data.measure.name}` : "指標が見つかりません" };
}

export default async function MeasurePage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  const { code, slug, data } = loaded;
  const sp = await props.searchParams;
  const view = buildMeasureView(data, typeof sp.year === "string" ? Number(sp.year) : undefined);
  const { measure } = data;
  const plan = measure.plan;
  const user = await getCurrentUser();
  const resource = { organizationId: plan.organizationId, ownerUnitIds: measure.owners.map((o) => o.unit.id) };
  const canSeeDrafts = can(user, "sheet.viewDraft", resource);
  const canRate = can(user, "rating.set", resource);
  // the per-user part: staff of the organisation see the internal provenance and every definition change
  const staff = isOrganisationStaff(user, plan.organizationId);
  const userIds = staff ? provenanceUserIds(measure) : [];
  const [history, comments, names] = await Promise.all([
    getSheetHistory(measure.id, canSeeDrafts, { staff }),
    getComments(user, { id: measure.id, ...resource }, view.year),
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const provenance = describeProvenance(measure, staff, new Map(names.map((u) => [u.id, u.name])));
  const retiredAt = measure.retiredAt ? new Date(measure.retiredAt) : null;
  return (
    <article>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li>{plan.organization.name}</li>
          <li><a href={planPath(code, slug)}>{plan.name}</a></li>
          {view.sectionTrail.map((s) => (
            <li key={s.key}><a href={`${planPath(code, slug)}?section=${encodeURIComponent(s.key)}`}>{s.title}</a></li>
          ))}
          <li aria-current="page">No {measure.number}</li>
        </ol>
      </nav>
      <h1>
        <span className="muted">No {measure.number}</span> {measure.name}
      </h1>
      {measure.footnote && <p className="muted">（＊）{measure.footnote}</p>}
      {retiredAt && (
        <p className="form-error" role="status">
          この指標は廃止されました（{retiredAt.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" })}）。これまでの値と記載はそのまま公開しています。
        </p>
      )}
      <dl className="measure-meta">
        <dt>担当</dt>
        <dd>
          {view.owners.length === 0
            ? "－"
            : view.owners.map((o, i) => (
                <span key={i}>
                  {i > 0 && "、"}
                  <a href={unitPath(code, o.departmentId)}>{o.department}</a>
                  {o.division && <> {o.divisionId ? <a href={unitPath(code, o.divisionId)}>{o.division}</a> : o.division}</>}
                </span>
              ))}
        </dd>
        <dt>指標の区分</dt>
        <dd>{measure.series.map((s) => `${s.label}${s.unit ? `（${s.unit}）` : ""}`).join("、") || "－"}</dd>
      </dl>

      {canSeeDrafts && (
        <p>
          <a className="button" href={`${measurePath(code, slug, measure.number)}/edit`}>
            {can(user, "sheet.edit", resource) ? "シートを編集する" : "提出内容を確認する"}
          </a>
        </p>
      )}
      {can(user, "plan.manage", { organizationId: plan.organizationId }) && (
        <p>
          <a href={measureSetupPath(code, slug, measure.number)}>指標の設定</a>
          <span className="muted">（担当・系列・基準値・目標値）</span>
        </p>
      )}
      <p>
        <a href={`${printPath(code, slug, measure.number)}?year=${view.year}`}>印刷用シート（A4）</a>
      </p>
      <section className="status-panel" aria-labelledby="status-heading">
        <h2 id="status-heading" style={{ marginTop: 0 }}>進捗状況（{fiscalYearWithWestern(view.year)}評価）</h2>
        <p>
          <StatusBadge status={view.status.status} label={view.status.statusLabel} />
          {view.status.official && (
            <>
              {" "}公式評価：<strong>{view.status.official.rating}</strong>
              {view.status.official.agrees === false && <strong>（算出した判定「{view.status.statusLabel}」と異なります）</strong>}
              {view.status.official.agrees === true && <span className="muted">（算出した判定と一致）</span>}
            </>
          )}
        </p>
        {view.status.official?.agrees === false && view.status.official.reason && (
          <p className="official-reason">
            <strong>異なる評価の理由：</strong>
            {view.status.official.reason}
          </p>
        )}
        {view.status.pending && <p className="pending-note">※{view.status.pending.note}</p>}
        <ul>
          {view.status.series.map((s) => (
            <li key={s.label}>
              {view.status.series.length > 1 && <strong>{s.label}：</strong>}
              {s.statusLabel}　<span className="explanation">{s.explanation}</span>
            </li>
          ))}
        </ul>
        {canRate && (
          <OfficialRatingForm
            action={saveOfficialRating}
            measureId={measure.id}
            evaluationYear={view.year}
            yearLabel={fiscalYearLabel(view.year)}
            scale={view.ratingScale}
            computed={view.status.status === "not_judgeable" ? null : view.status.statusLabel}
            current={view.ratingOfYear}
          />
        )}
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">実績値の推移</h2>
        {view.trend.series.some((s) => s.points.length > 0) ? (
          <figure className="chart-figure">
            <figcaption>実績値の推移（グラフと同じ値を下の表に示します）</figcaption>
            <div aria-hidden="true">
              <LazyMeasureTrendChart
                trend={view.trend}
                projections={view.projections}
                title={`${measure.name}の推移`}
                // drawn on the server for pages read without React's runtime (the signed-out readers' plain copies); a
                // signed-in reader's page runs React, which draws the interactive chart as it nears the screen, and the
                // drawing would double the HTML of a page rendered for every request (issue 16's budgets)
                drawn={user ? null : <ScreenTrendChart trend={view.trend} projections={view.projections} title={`${measure.name}の推移`} />}
              />
            </div>
          </figure>
        ) : (
          <p>実績値はまだありません。</p>
        )}
        <ValuesTable trend={view.trend} caption={`${measure.name}の基準値・実績値・目標値`} />
        {view.status.series.some((s) => s.projection) && (
          <ul className="projection-list" aria-label="グラフの点線（見込み）">
            {view.status.series.map((s) =>
              s.projection ? (
                <li key={s.label}>
                  {view.status.series.length > 1 && `${s.label}：`}点線は見込み（実績ではありません）。{s.projection.text}
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>

      {data.predecessor && <PredecessorTrendSection trend={data.predecessor} />}

      <section aria-labelledby="narrative-heading">
        <h2 id="narrative-heading">取組状況・課題等・今後の方向性</h2>
        {view.entryYears.length > 1 && (
          <nav aria-label="評価年度の切り替え">
            <ul className="year-switch">
              {view.entryYears.map((y) => (
                <li key={y}>
                  <a href={measurePath(code, slug, measure.number, y)} aria-current={y === view.entry?.evaluationYear ? "page" : undefined}>
                    {fiscalYearWithWestern(y)}評価
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {view.entry ? (
          <>
            <p className="muted">{fiscalYearLabel(view.entry.evaluationYear)}評価時の記載</p>
            <Narratives entry={view.entry} />
          </>
        ) : (
          <p>公開された記載はまだありません。</p>
        )}
      </section>

      {(measure.notes.length > 0 || view.cellNotes.length > 0) && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">注記</h2>
          <ul>
            {measure.notes.map((n, i) => <li key={`n${i}`}>{n}</li>)}
            {view.cellNotes.map((n, i) => <li key={`c${i}`}>{staff ? n : publicNote(n)}</li>)}
          </ul>
        </section>
      )}

      <CommitteeComments measureId={measure.id} year={view.year} yearLabel={fiscalYearWithWestern(view.year)} data={comments} actions={{ postComment, markReviewed, publishComment }} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">変更履歴</h2>
        <History items={history} />
      </section>

      <Provenance {...provenance} staff={staff} />

      <nav className="pager" aria-label="前後の指標">
        {data.previous ? <a href={measurePath(code, slug, data.previous.number)}>← No {data.previous.number} {data.previous.name}</a> : <span />}
        {data.next ? <a href={measurePath(code, slug, data.next.number)}>No {data.next.number} {data.next.name} →</a> : <span />}
      </nav>
    </article>
  );
}
