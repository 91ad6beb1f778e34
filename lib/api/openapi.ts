// The token API's OpenAPI 3.1 document, generated from the zod schemas the routes validate with (z.toJSONSchema):
// a change to a form's schema changes the document, with nothing written twice.
import { z } from "zod";
import { markedResponse, notificationListResponse } from "./notifications";
import { evaluationYearBody, evaluationYearResponse, measureCreateBody, measureListResponse, measurePatchBody, measureResponse, meResponse, problemResponse, returnBody, sheetPutBody, sheetResponse, workflowBody } from "./schemas";

function schemaOf(s: z.ZodTypeAny, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemRef = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const ok = (name: string, description = "OK") => ({ description, content: { "application/json": { schema: ref(name) } } });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });

const P = {
  code: { name: "code", in: "path", required: true, description: "全国地方公共団体コード（例：430005）", schema: { type: "string" } },
  slug: { name: "slug", in: "path", required: true, description: "計画 ID（例：kumamoto-2024）", schema: { type: "string" } },
  no: { name: "no", in: "path", required: true, description: "指標の No（例：4-1、追加1。URL エンコードする）", schema: { type: "string" } },
  fiscalYear: { name: "fiscalYear", in: "path", required: true, description: "年度（西暦。令和6年度 = 2024）", schema: { type: "integer", minimum: 2000, maximum: 2100 } },
};

const common = {
  "400": problemRef("本文が JSON でない、または URL の値が読めない"),
  "401": problemRef("トークンがない・誤り・失効・期限切れ、または利用者が無効"),
  "403": problemRef("役割・担当の外の操作"),
  "404": problemRef("団体・計画・指標がない、またはトークンの利用者の所属外"),
  "500": problemRef("想定外の失敗（詳細はサーバーのログ）"),
};
const write = {
  ...common,
  "409": problemRef("version が古い（current に今の内容）、状態が合わない、評価年度が受付中でない"),
  "413": problemRef("本文が 1 MB を超える"),
  "422": problemRef("入力の誤り（errors[].pointer が本文の場所）"),
};

export function buildOpenApiDocument(serverUrl = "/") {
  const base = "/api/v1/organizations/{code}/plans/{slug}";
  const sheet = `${base}/measures/{no}/entries/{fiscalYear}`;
  const workflow = (summary: string, bodyName: string) => ({
    post: { summary, tags: ["シート"], parameters: [P.code, P.slug, P.no, P.fiscalYear], requestBody: body(bodyName), responses: { "200": ok("Sheet"), ...write } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "総合戦略 KPI ダッシュボード API",
      version: "1",
      description:
        "RPA・統計システムからの実績値の登録、計画の指標の設定などを行う API。個人の API トークン（/account で作成）を `Authorization: Bearer` で送る。トークンは作成した利用者の役割と担当で動き、変更はすべてトークン名つきで監査ログに残る。エラーは RFC 9457 の application/problem+json。",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "お知らせ" }, { name: "利用者" }, { name: "指標" }, { name: "評価年度" }, { name: "シート" }],
    paths: {
      "/api/v1/me": { get: { summary: "トークンの利用者・所属・役割・担当と、トークンの名前・有効期限", tags: ["利用者"], responses: { "200": ok("Me"), "401": common["401"], "500": common["500"] } } },
      "/api/v1/me/notifications": {
        get: {
          summary: "トークンの利用者へのお知らせ（新しい順）。提出・差し戻し・承認・評価委員のコメント・締切のリマインダーなど",
          tags: ["お知らせ"],
          parameters: [
            { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
            { name: "perPage", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
            { name: "unreadOnly", in: "query", schema: { type: "boolean" } },
          ],
          responses: { "200": ok("NotificationList"), "401": common["401"], "500": common["500"] },
        },
      },
      "/api/v1/me/notifications/{id}/read": {
        post: { summary: "お知らせを既読にする", tags: ["お知らせ"], parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": ok("Marked"), ...common } },
      },
      "/api/v1/me/notifications/read-all": {
        post: { summary: "お知らせをすべて既読にする", tags: ["お知らせ"], responses: { "200": ok("Marked"), "401": common["401"], "500": common["500"] } },
      },
      [`${base}/measures`]: {
        get: { summary: "計画の指標の定義の一覧（廃止したものは retired: true）", tags: ["指標"], parameters: [P.code, P.slug], responses: { "200": ok("MeasureList"), ...common } },
        post: { summary: "指標を追加する（企画担当）", tags: ["指標"], parameters: [P.code, P.slug], requestBody: body("MeasureCreate"), responses: { "201": ok("Measure", "作成した指標"), ...write } },
      },
      [`${base}/measures/{no}`]: {
        get: { summary: "指標の定義", tags: ["指標"], parameters: [P.code, P.slug, P.no], responses: { "200": ok("Measure"), ...common } },
        patch: {
          summary: "指標の定義を変更する（企画担当）。本文の最上位の項目が今の定義を置き換える。運用中の計画の基準値・目標値の変更には reason が必要",
          tags: ["指標"],
          parameters: [P.code, P.slug, P.no],
          requestBody: body("MeasurePatch"),
          responses: { "200": ok("Measure"), ...write },
        },
      },
      [`${base}/evaluation-years/{fiscalYear}`]: {
        put: { summary: "評価年度の受付を開始・終了する（企画担当）", tags: ["評価年度"], parameters: [P.code, P.slug, P.fiscalYear], requestBody: body("EvaluationYearPut"), responses: { "200": ok("EvaluationYear"), ...write } },
      },
      [sheet]: {
        get: { summary: "その年度のシート（担当課・企画担当には下書き、ほかの利用者には公開済みの内容）", tags: ["シート"], parameters: [P.code, P.slug, P.no, P.fiscalYear], responses: { "200": ok("Sheet"), ...common } },
        put: { summary: "下書きを保存する（担当課職員・企画担当）。実績値は区分の名前ごとに、人が入力するとおりの表記で", tags: ["シート"], parameters: [P.code, P.slug, P.no, P.fiscalYear], requestBody: body("SheetPut"), responses: { "200": ok("Sheet"), ...write } },
      },
      [`${sheet}/submit`]: workflow("今の下書きを提出する（担当課職員）", "Workflow"),
      [`${sheet}/approve`]: workflow("提出されたシートを承認して公開する（企画担当）", "Workflow"),
      [`${sheet}/return`]: workflow("提出されたシートを理由をつけて差し戻す（企画担当）", "Return"),
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "kpi_…（個人の API トークン）" } },
      schemas: {
        Me: schemaOf(meResponse, "output"),
        Measure: schemaOf(measureResponse, "output"),
        MeasureList: schemaOf(measureListResponse, "output"),
        MeasureCreate: schemaOf(measureCreateBody, "input"),
        MeasurePatch: schemaOf(measurePatchBody, "input"),
        EvaluationYearPut: schemaOf(evaluationYearBody, "input"),
        EvaluationYear: schemaOf(evaluationYearResponse, "output"),
        Sheet: schemaOf(sheetResponse, "output"),
        SheetPut: schemaOf(sheetPutBody, "input"),
        Workflow: schemaOf(workflowBody, "input"),
        Return: schemaOf(returnBody, "input"),
        Problem: schemaOf(problemResponse, "output"),
        NotificationList: schemaOf(notificationListResponse, "output"),
        Marked: schemaOf(markedResponse, "output"),
      },
    },
  };
}
