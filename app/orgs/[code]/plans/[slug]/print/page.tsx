import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPlanPrintData } from "@/lib/print/queries";
import { buildPlanPrint } from "@/lib/print/plan-print";
import { printedDateLabel } from "@/lib/print/printed-date";
import { getPlanTitle } from "@/lib/plans/queries";
import { planPath } from "@/lib/paths";
import { PrintCover } from "@/components/print/print-cover";
import { PrintContents } from "@/components/print/print-contents";
import { PrintSheet } from "@/components/print/print-sheet";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isOrganisationStaff } from "@/lib/measures/provenance";
import { PrintToolbar } from "@/components/print/print-toolbar";
import "@/components/print/print.css";

type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, slug } = await params;
  const plan = await getPlanTitle(code, slug);
  return { title: plan ? `印刷用 ${plan.name}（${plan.organization.name}）` : "計画が見つかりません" };
}

/** A plan's sheets for printing: cover, contents, one sheet per A4 page; ?department=<unitId>, ?year=. */
export default async function PlanPrintPage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const sp = await searchParams;
  const department = one(sp.department)?.trim() || undefined;
  const yearParam = one(sp.year);
  const data = await getPlanPrintData(code, slug, department);
  if (!data) notFound();
  const { plan } = data;
  // staff of the organisation also see the source files' lines and the readers' confidence
  const internal = isOrganisationStaff(await getCurrentUser(), plan.organizationId);
  const doc = buildPlanPrint(plan, data.planLatestYear, data.measures, yearParam ? Number(yearParam) : undefined);
  const back = new URLSearchParams();
  if (department) back.set("department", department);
  back.set("year", String(doc.year));
  const departmentName = data.departmentRequested ? (data.department?.name ?? "（指定された部局は見つかりません）") : null;
  return (
    <>
      <PrintToolbar backHref={`${planPath(code, slug)}?${back}`} backLabel="指標一覧へ戻る" pages={doc.totalPages} />
      <div className="print-doc" role="region" aria-label="印刷プレビュー" tabIndex={0}>
        <PrintCover
          organization={plan.organization.name}
          plan={plan.name}
          department={departmentName}
          year={doc.year}
          printedOn={printedDateLabel(new Date())}
          sheets={doc.sheets.length}
          pages={doc.totalPages}
        />
        <PrintContents pages={doc.contents} />
        {doc.sheets.map((sheet, i) => (
          <PrintSheet key={sheet.number} sheet={sheet} level={2} page={doc.firstSheetPage + i} internal={internal} />
        ))}
      </div>
    </>
  );
}
