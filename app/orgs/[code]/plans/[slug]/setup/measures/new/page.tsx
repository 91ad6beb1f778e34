import type { Metadata } from "next";
import { MeasureFormPage } from "../form-page";

export const metadata: Metadata = { title: "指標を追加" };

export default async function NewMeasurePage({ params }: { params: Promise<{ code: string; slug: string }> }) {
  const { code, slug } = await params;
  return <MeasureFormPage code={code} slug={slug} number={null} />;
}
