"use server";
import { asForm } from "@/lib/actions/form";
// The plan workbook's upload: preview (read and check the whole file, write nothing, sign the changes) →
// apply (the signed changes in one transaction, audited with channel "workbook"). Both go through runAction
// with the signed-in user; the lib authorises (plan.manage) and refuses with every problem listed.
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authSecret } from "@/lib/auth/secret";
import { runAction, type ActionResult, type FormState } from "@/lib/actions/action";
import { refuse } from "@/lib/actions/refusal";
import { db } from "@/lib/db";
import { applyDefinitionWorkbook, previewDefinitionWorkbook } from "@/lib/plan-workbook/service";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, type WorkbookResult } from "@/lib/plan-workbook/form-state";

const ref = { code: z.string().min(1).max(20), slug: z.string().min(1).max(100) };
const previewSchema = z.object({
  ...ref,
  file: z
    .instanceof(File, { message: "Excel ファイル（.xlsx）を選んでください" })
    .refine((f) => f.size > 0, "Excel ファイル（.xlsx）を選んでください")
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, `ファイルが大きすぎます（${MAX_UPLOAD_LABEL}まで）`)
    .refine((f) => /\.xlsx$/i.test(f.name), "Excel ファイル（.xlsx）を選んでください（.xls や .csv は読み込めません）"),
});
const applySchema = z.object({ ...ref, token: z.string().min(1, "確認の内容がありません。もう一度アップロードしてください").max(1_000_000) });

function secret(): string {
  const s = authSecret();
  if (!s) {
    console.error("plan workbook: AUTH_SECRET is not set");
    refuse("state", "処理できませんでした。時間をおいてもう一度お試しください。");
  }
  return s;
}

export async function workbookAction(code: string, slug: string, _prev: FormState<WorkbookResult>, form: FormData): Promise<ActionResult<WorkbookResult>> {
  form = asForm(form); // a forged call may send anything as the form
  // a forged call can send anything as the arguments: not a form → the same answer as an empty one
  if (typeof code !== "string" || typeof slug !== "string" || !(form instanceof FormData)) {
    return { status: "error", code: "invalid", message: "入力内容を確認してください。", fieldErrors: { file: "Excel ファイル（.xlsx）を選んでください" } };
  }
  if (form.get("intent") === "apply") {
    return runAction(getCurrentUser, { code, slug, token: form.get("token") ?? "" }, {
      name: "planWorkbook.apply",
      schema: applySchema,
      run: async (actor, input): Promise<WorkbookResult> => ({ kind: "applied", result: await applyDefinitionWorkbook(db(), actor, { organizationCode: input.code, planSlug: input.slug, token: input.token }, secret()) }),
      publishes: true,
      message: (d) => (d.kind === "applied" ? `${[...d.result.created, ...d.result.updated, ...new Set([...d.result.retired, ...d.result.restored])].length}件の指標を反映しました。` : ""),
    });
  }
  return runAction(getCurrentUser, { code, slug, file: form.get("file") }, {
    name: "planWorkbook.preview",
    schema: previewSchema,
    run: async (actor, input): Promise<WorkbookResult> => ({
      kind: "preview",
      preview: await previewDefinitionWorkbook(db(), actor, { organizationCode: input.code, planSlug: input.slug, bytes: new Uint8Array(await input.file.arrayBuffer()) }, secret()),
    }),
    publishes: false,
    message: (d) => (d.kind === "preview" && d.preview.token ? "次の内容を反映します。確認してください（まだ何も変更していません）。" : "変更はありません。ファイルの内容は現在の設定と同じです（何も変更していません）。"),
  });
}
