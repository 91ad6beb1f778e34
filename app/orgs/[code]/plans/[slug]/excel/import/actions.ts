"use server";
import { asForm } from "@/lib/actions/form";
// Excel import: preview (parse and check the whole workbook, write nothing, sign what would change) → confirm
// (the signed changes and the choices for stale rows, applied in one transaction). Both go through runAction
// with the signed-in user: zod → the lib (which authorises against the permission table and writes with channel
// "workbook") → one result shape, turned here into what the form shows.
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authSecret } from "@/lib/auth/secret";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { refuse } from "@/lib/actions/refusal";
import { db } from "@/lib/db";
import { applyExcelImport, previewExcelImport, type StaleChoices } from "@/lib/excel/apply-import";
import { rowKey, type ImportChange } from "@/lib/excel/import";
import { signImportToken, verifyImportToken } from "@/lib/excel/confirm-token";
import type { ImportChangeView, ImportFormState } from "@/lib/excel/form-state";
import type { NotImported } from "@/lib/excel/not-imported";

const MAX_BYTES = 900 * 1024; // under the server actions' 1 MB body limit
const REFUSED = "取り込めませんでした。次の点を直して、もう一度アップロードしてください（何も変更していません）。";
const NOT_APPLIED = "取り込めませんでした（何も変更していません）。";
const CHOOSE = "書き出し後に更新された行があります。各行で「現在の内容を残す」か「ファイルの内容にする」を選んでから、もう一度確定してください（何も変更していません）。";

const ref = { code: z.string().min(1).max(20), slug: z.string().min(1).max(100) };
const previewSchema = z.object({
  ...ref,
  evaluationYear: z.coerce.number({ message: "評価年度を選んでください。" }).int().min(1950, "評価年度を選んでください。").max(2100, "評価年度を選んでください。"),
  file: z
    .instanceof(File, { message: "Excel ファイル（.xlsx）を選んでください。" })
    .refine((f) => f.size > 0, "Excel ファイル（.xlsx）を選んでください。")
    .refine((f) => f.size <= MAX_BYTES, "ファイルが大きすぎます（900KB まで）。部局ごとに書き出したファイルを使ってください。")
    .refine((f) => /\.xlsx$/i.test(f.name), "Excel ファイル（.xlsx）を選んでください（.xls や .csv は読み込めません）。"),
});
const applySchema = z.object({
  ...ref,
  token: z.string().min(1, "確認の内容がありません。もう一度ファイルを取り込んでください。").max(5_000_000),
  choices: z.record(z.string().max(40), z.enum(["keep", "file"])),
});

type Preview = { kind: "unchanged"; notImported: NotImported[] } | { kind: "preview"; evaluationYear: number; token: string; changes: ImportChangeView[]; notImported: NotImported[] };
/** What a refusal carries for the form: every problem, and the stale rows still to choose. */
type Detail = { errors?: string[]; missingChoices?: string[] };

function secret(): string {
  const s = authSecret();
  if (!s) {
    console.error("excel import: AUTH_SECRET is not set");
    refuse("state", "取り込めませんでした。時間をおいてもう一度お試しください。");
  }
  return s;
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

/** A refusal as the form's error list: the lib's problems, else the fields' messages, else the message. */
function refused(result: Extract<ActionResult, { status: "error" }>, message: string): ImportFormState {
  const detail = (result.detail ?? {}) as Detail;
  const errors = detail.errors ?? (result.fieldErrors ? Object.values(result.fieldErrors) : [result.message]);
  return { status: "invalid", message, errors };
}

export async function importExcel(code: string, slug: string, prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  form = asForm(form); // a forged call may send anything as the form
  if (form.get("intent") === "apply") {
    const token = form.get("token");
    const result = await runAction(getCurrentUser, { code, slug, token: typeof token === "string" ? token : "", choices: choicesOf(form) }, {
      name: "excelImport.apply",
      schema: applySchema,
      run: async (actor, input) => {
        const verified = verifyImportToken(input.token, secret());
        if (!verified.ok) refuse("invalid", verified.reason === "expired" ? "確認してから時間がたちすぎました。もう一度ファイルを取り込んでください。" : "確認の内容を読み取れませんでした。もう一度ファイルを取り込んでください。");
        const p = verified.payload;
        if (p.userId !== actor.id || p.organizationCode !== input.code || p.planSlug !== input.slug) refuse("invalid", "確認の内容がこのページのものではありません。もう一度ファイルを取り込んでください。");
        const applied = await applyExcelImport(db(), actor, { organizationCode: p.organizationCode, planSlug: p.planSlug, evaluationYear: p.evaluationYear, changes: p.changes, choices: input.choices });
        if (!applied.ok) refuse(applied.missingChoices ? "invalid" : "conflict", applied.missingChoices ? CHOOSE : NOT_APPLIED, undefined, { errors: applied.errors, missingChoices: applied.missingChoices } satisfies Detail);
        return applied;
      },
      // drafts only, but staff pages read the cached data too: drop it when anything was written
      publishes: (d) => d.sheets.length > 0,
      message: (d) => {
        const kept = d.kept ? `（書き出し後に更新された${d.kept}件は現在の内容を残しました）` : "";
        return d.sheets.length
          ? `${d.values}件の値と${d.narratives}件の記述を、${d.sheets.length}件のシートの下書きとして保存しました${kept}。各シートを確認してから提出してください。`
          : `何も変更していません${kept}。`;
      },
    });
    if (result.status === "ok") return { status: "applied", message: result.message, sheets: result.data!.sheets.map((s) => ({ number: s.number, name: s.name })) };
    const missing = (result.detail as Detail | undefined)?.missingChoices;
    if (missing && prev.status === "preview" && prev.token === token) {
      // the same preview again with the rows still to choose marked beside their choice (the token is what gets applied)
      return { ...prev, message: CHOOSE, choiceErrors: Object.fromEntries(missing.map((k) => [k, "どちらかを選んでください"])) };
    }
    return refused(result, NOT_APPLIED);
  }

  const result = await runAction(getCurrentUser, { code, slug, evaluationYear: form.get("evaluationYear") ?? "", file: form.get("file") }, {
    name: "excelImport.preview",
    schema: previewSchema,
    run: async (actor, input): Promise<Preview> => {
      const key = secret();
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const preview = await previewExcelImport(db(), actor, { organizationCode: input.code, planSlug: input.slug, evaluationYear: input.evaluationYear, bytes });
      if (!preview.ok) refuse("invalid", REFUSED, undefined, { errors: preview.errors } satisfies Detail);
      if (preview.changes.length === 0) return { kind: "unchanged", notImported: preview.notImported };
      const token = signImportToken(
        {
          userId: actor.id,
          organizationCode: input.code,
          planSlug: input.slug,
          evaluationYear: input.evaluationYear,
          changes: preview.changes.map((c) =>
            c.kind === "value"
              ? { kind: c.kind, measureId: c.measureId, sheet: c.sheet, row: c.row, version: c.version, stale: c.stale, seriesId: c.seriesId, before: c.before, after: c.after }
              : { kind: c.kind, measureId: c.measureId, sheet: c.sheet, row: c.row, version: c.version, stale: c.stale, field: c.field, before: c.before, after: c.after },
          ),
        },
        key,
      );
      return { kind: "preview", evaluationYear: input.evaluationYear, token, changes: preview.changes.map(changeView), notImported: preview.notImported };
    },
    publishes: false,
    message: (d) =>
      d.kind === "preview"
        ? "次の内容を取り込みます。確認してください（まだ何も保存していません）。"
        : d.notImported.length
          ? "取り込む変更はありません（何も保存していません）。ファイルには、次の取り込まれない変更があります。"
          : "変更はありません。ファイルの値と記述は現在の内容と同じです（何も保存していません）。",
  });
  if (result.status === "error") return refused(result, REFUSED);
  const d = result.data!;
  if (d.kind === "unchanged") return { status: "unchanged", message: result.message, notImported: d.notImported };
  return { status: "preview", evaluationYear: d.evaluationYear, token: d.token, changes: d.changes, notImported: d.notImported };
}
