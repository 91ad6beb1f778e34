import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMeasureForRoute } from "@/lib/measures/route";
import { buildPrintSheet } from "@/lib/print/print-sheet";
import { measurePath } from "@/lib/paths";
import { PrintSheet } from "@/components/print/print-sheet";
import { PrintToolbar } from "@/components/print/print-toolbar";
import "@/components/print/print.css";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isOrganisationStaff } from "@/lib/measures/provenance";

type Props = { params: Promise<{ code: string; slug: string; no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = (props: Props) => getMeasureForRoute(props.params);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded ? `印刷用 No ${loaded.data.measure.number} ${loaded.data.measure.name}` : "指標が見つかりません" };
}

/** The KPI's sheet as the printed form (別記様式２), one A4 page; ?year= as on the KPI page. */
export default async function MeasurePrintPage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  const { code, slug, data } = loaded;
  const sp = await props.searchParams;
  const sheet = buildPrintSheet(data, typeof sp.year === "string" ? Number(sp.year) : undefined);
  return (
    <>
      <PrintToolbar backHref={measurePath(code, slug, sheet.number, sheet.year)} backLabel={`No ${sheet.number} の指標ページへ戻る`} pages={1} />
      <div className="print-doc" role="region" aria-label="印刷プレビュー" tabIndex={0}>
        <PrintSheet sheet={sheet} level={1} internal={isOrganisationStaff(await getCurrentUser(), data.measure.plan.organizationId)} />
      </div>
    </>
  );
}
