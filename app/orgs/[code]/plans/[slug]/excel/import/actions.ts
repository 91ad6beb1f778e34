"use server";
// Excel import: preview (parse and check the whole workbook, write nothing) → confirm (apply the signed
// changes in one transaction). Parse → authorise (inside lib, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authSecret } from "@/lib/auth/secret";
import { applyExcelImport, previewExcelImport, type StaleChoices } from "@/lib/excel/apply-import";
import { rowKey, type ImportChange } from "@/lib/excel/import";
import { signImportToken, verifyImportToken } from "@/lib/excel/confirm-token";
import type { ImportChangeView, ImportFormState } from "@/lib/excel/form-state";

const MAX_BYTES = 900 * 1024; // under the server actions' 1 MB body limit
const GENERIC = "取り込めませんでした。時間をおいてもう一度お試しください。";
const yearSchema = z.coerce.number().int().min(1950).max(2100);
const refSchema = z.object({ code: z.string().min(1).max(20), slug: z.string().min(1).max(100) });

function invalid(errors: string[], message = "取り込めませんでした。次の点を直して、もう一度アップロードしてください（何も変更していません）。"): ImportFormState {
  return { status: "invalid", message, errors };
}

export async function importExcel(code: string, slug: string, prev: ImportFormState, form: FormData): Promise<ImportFormState> {
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
    return form.get("intent") === "apply" ? await apply(user, ref.data, form, secret, prev) : await preview(user, ref.data, form, secret);
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
  if (result.changes.length === 0) {
    return {
      status: "unchanged",
      message: result.notImported.length
        ? "取り込む変更はありません（何も保存していません）。ファイルには、次の取り込まれない変更があります。"
        : "変更はありません。ファイルの値と記述は現在の内容と同じです（何も保存していません）。",
      notImported: result.notImported,
    };
  }
  const token = signImportToken(
    {
      userId: user.id,
      organizationCode: ref.code,
      planSlug: ref.slug,
      evaluationYear: year.data,
      changes: result.changes.map((c) =>
        c.kind === "value"
          ? { kind: c.kind, measureId: c.measureId, sheet: c.sheet, row: c.row, version: c.version, stale: c.stale, seriesId: c.seriesId, before: c.before, after: c.after }
          : { kind: c.kind, measureId: c.measureId, sheet: c.sheet, row: c.row, version: c.version, stale: c.stale, field: c.field, before: c.before, after: c.after },
      ),
    },
    secret,
  );
  return { status: "preview", evaluationYear: year.data, token, changes: result.changes.map(changeView), notImported: result.notImported };
}

function changeView(c: ImportChange): ImportChangeView {
  const base = { key: rowKey(c), sheet: c.sheet, row: c.row, number: c.number, measureName: c.measureName, stale: c.stale, version: c.version, fileVersion: c.fileVersion };
  return c.kind === "value"
    ? { ...base, kind: "value", seriesLabel: c.seriesLabel, unit: c.unit, before: c.before, after: c.after }
    : { ...base, kind: "narrative", field: c.field, before: c.before, after: c.after };
}

/** The choice for each stale row, sent as choice:<key> = keep | file. */
function choicesOf(form: FormData): StaleChoices {
  const out: StaleChoices = {};
  for (const [k, v] of form.entries()) if (k.startsWith("choice:") && (v === "keep" || v === "file")) out[k.slice("choice:".length)] = v;
  return out;
}

async function apply(user: User, ref: { code: string; slug: string }, form: FormData, secret: string, prev: ImportFormState): Promise<ImportFormState> {
  const token = form.get("token");
  const verified = typeof token === "string" ? verifyImportToken(token, secret) : ({ ok: false, reason: "invalid" } as const);
  if (!verified.ok) {
    return invalid([verified.reason === "expired" ? "確認してから時間がたちすぎました。もう一度ファイルを取り込んでください。" : "確認の内容を読み取れませんでした。もう一度ファイルを取り込んでください。"]);
  }
  const p = verified.payload;
  if (p.userId !== user.id || p.organizationCode !== ref.code || p.planSlug !== ref.slug) return invalid(["確認の内容がこのページのものではありません。もう一度ファイルを取り込んでください。"]);
  const result = await applyExcelImport(db(), user, { organizationCode: p.organizationCode, planSlug: p.planSlug, evaluationYear: p.evaluationYear, changes: p.changes, choices: choicesOf(form) });
  if (!result.ok && result.missingChoices && prev.status === "preview" && prev.token === token) {
    // the same preview again, the rows still to choose marked beside their choice (the token is what gets applied)
    const message = "書き出し後に更新された行があります。各行で「現在の内容を残す」か「ファイルの内容にする」を選んでから、もう一度確定してください（何も変更していません）。";
    return { ...prev, message, choiceErrors: Object.fromEntries(result.missingChoices.map((k) => [k, "どちらかを選んでください"])) };
  }
  if (!result.ok) return invalid(result.errors, "取り込めませんでした（何も変更していません）。");
  invalidateData();
  const kept = result.kept ? `（書き出し後に更新された${result.kept}件は現在の内容を残しました）` : "";
  return {
    status: "applied",
    message: result.sheets.length
      ? `${result.values}件の値と${result.narratives}件の記述を、${result.sheets.length}件のシートの下書きとして保存しました${kept}。各シートを確認してから提出してください。`
      : `何も変更していません${kept}。`,
    sheets: result.sheets.map((s) => ({ number: s.number, name: s.name })),
  };
}
