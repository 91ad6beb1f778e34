import type { Metadata } from "next";
import { MeasureFormPage } from "../form-page";

type Props = { params: Promise<{ code: string; slug: string; no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `指標の設定 No ${decodeURIComponent((await params).no)}` };
}

export default async function EditMeasureSetupPage({ params, searchParams }: Props) {
  const { code, slug, no } = await params;
  const saved = (await searchParams).saved;
  return <MeasureFormPage code={code} slug={slug} number={decodeURIComponent(no)} saved={typeof saved === "string" ? saved : undefined} />;
}
