"use server";
// Excel import: preview (parse and check the whole workbook, write nothing) → confirm (apply the signed
// changes in one transaction). Parse → authorise (inside lib, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authSecret } from "@/lib/auth/secret";
import { applyExcelImport, previewExcelImport } from "@/lib/excel/apply-import";
import { signImportToken, verifyImportToken } from "@/lib/excel/confirm-token";
import type { ImportFormState } from "@/lib/excel/form-state";

const MAX_BYTES = 900 * 1024; // under the server actions' 1 MB body limit
const GENERIC = "取り込めませんでした。時間をおいてもう一度お試しください。";
const yearSchema = z.coerce.number().int().min(1950).max(2100);
const refSchema = z.object({ code: z.string().min(1).max(20), slug: z.string().min(1).max(100) });

function invalid(errors: string[], message = "取り込めませんでした。次の点を直して、もう一度アップロードしてください（何も変更していません）。"): ImportFormState {
  return { status: "invalid", message, errors };
}

export async function importExcel(code: string, slug: string, _prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  try {
    const user = await getCurrentUser();
    if (!user) return invalid(["サインインしてください。"]);
    const ref = refSchema.safeParse({ code, slug });
    if (!ref.success) return invalid(["計画が見つかりません。"]);
    const secret = authSecret();
    if (!secret) {
      console.error("excel import: AUTH_SECRET is not set");
      return invalid([GENERIC]);
    }
    return form.get("intent") === "apply" ? await apply(user, ref.data, form, secret) : await preview(user, ref.data, form, secret);
  } catch (e) {
    console.error("importExcel failed", e);
    return invalid([GENERIC]);
  }
}

type User = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

async function preview(user: User, ref: { code: string; slug: string }, form: FormData, secret: string): Promise<ImportFormState> {
  const year = yearSchema.safeParse(form.get("evaluationYear"));
  const file = form.get("file");
  const errors: string[] = [];
  if (!year.success) errors.push("評価年度を選んでください。");
  if (!(file instanceof File) || file.size === 0) errors.push("Excel ファイル（.xlsx）を選んでください。");
  else if (file.size > MAX_BYTES) errors.push("ファイルが大きすぎます（900KB まで）。部局ごとに書き出したファイルを使ってください。");
  else if (!/\.xlsx$/i.test(file.name)) errors.push("Excel ファイル（.xlsx）を選んでください（.xls や .csv は読み込めません）。");
  if (errors.length || !year.success || !(file instanceof File)) return invalid(errors);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await previewExcelImport(db(), user, { organizationCode: ref.code, planSlug: ref.slug, evaluationYear: year.data, bytes });
  if (!result.ok) return invalid(result.errors);
  if (result.changes.length === 0) return { status: "unchanged", message: "変更はありません。ファイルの値は現在の値と同じです（何も保存していません）。" };
  const token = signImportToken(
    {
      userId: user.id,
      organizationCode: ref.code,
      planSlug: ref.slug,
      evaluationYear: year.data,
      changes: result.changes.map((c) => ({ measureId: c.measureId, seriesId: c.seriesId, row: c.row, before: c.before, after: c.after })),
    },
    secret,
  );
  return {
    status: "preview",
    evaluationYear: year.data,
    token,
    changes: result.changes.map((c) => ({ row: c.row, number: c.number, measureName: c.measureName, seriesLabel: c.seriesLabel, unit: c.unit, before: c.before, after: c.after })),
  };
}

async function apply(user: User, ref: { code: string; slug: string }, form: FormData, secret: string): Promise<ImportFormState> {
  const token = form.get("token");
  const verified = typeof token === "string" ? verifyImportToken(token, secret) : ({ ok: false, reason: "invalid" } as const);
  if (!verified.ok) {
    return invalid([verified.reason === "expired" ? "確認してから時間がたちすぎました。もう一度ファイルを取り込んでください。" : "確認の内容を読み取れませんでした。もう一度ファイルを取り込んでください。"]);
  }
  const p = verified.payload;
  if (p.userId !== user.id || p.organizationCode !== ref.code || p.planSlug !== ref.slug) return invalid(["確認の内容がこのページのものではありません。もう一度ファイルを取り込んでください。"]);
  const result = await applyExcelImport(db(), user, { organizationCode: p.organizationCode, planSlug: p.planSlug, evaluationYear: p.evaluationYear, changes: p.changes });
  if (!result.ok) return invalid(result.errors, "取り込めませんでした（何も変更していません）。");
  invalidateData();
  return {
    status: "applied",
    message: `${result.values}件の値を、${result.sheets.length}件のシートの下書きとして保存しました。各シートを確認してから提出してください。`,
    sheets: result.sheets.map((s) => ({ number: s.number, name: s.name })),
  };
}
