// The kinds of notification, in the order the settings page lists them, with the Japanese words users read.
// Every kind is e-mailed unless the user turns it off (NotificationPreference).
import type { NotificationKind } from "../generated/prisma/enums";

export const NOTIFICATION_KINDS = [
  "sheet_submitted",
  "sheet_returned",
  "sheet_approved",
  "comment_published",
  "comment_answered",
  "deadline_reminder",
  "deadline_overdue",
] as const satisfies readonly NotificationKind[];

export type Kind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<Kind, { label: string; description: string }> = {
  sheet_submitted: { label: "シートの提出", description: "担当課がシートを提出したとき（企画担当あて）" },
  sheet_returned: { label: "シートの差し戻し", description: "企画担当がシートを理由つきで差し戻したとき（担当課あて）" },
  sheet_approved: { label: "シートの承認", description: "企画担当がシートを承認し公開したとき（担当課あて）" },
  comment_published: { label: "評価委員コメントの公開", description: "担当の指標への評価委員のコメントが公開されたとき（担当課あて）" },
  comment_answered: { label: "コメントへの回答", description: "あなたのコメントに担当課が回答したとき（評価委員あて）" },
  deadline_reminder: { label: "提出期限の事前のお知らせ", description: "提出期限が近いのにシートが未提出のとき（担当課あて。既定では7日前と前日）" },
  deadline_overdue: { label: "期限超過のまとめ", description: "提出期限を過ぎて未提出のシートの一覧（企画担当あて。期限の翌日）" },
};

/** No preference row: e-mail is on. */
export const DEFAULT_EMAIL = true;
