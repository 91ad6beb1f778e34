// Every audit action code (AuditLog.action, written by writeAudit) as a Japanese phrase, and every entity type
// as a word: the audit log, /admin and the KPI's history speak these, never the codes. lib/audit/labels.test.ts
// reads the source for every code written anywhere and fails when one has no phrase here.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // sheets (lib/sheets/mutations.ts, lib/excel/apply-import.ts)
  "sheet.saveDraft": "シートを下書き保存",
  "sheet.submit": "シートを提出",
  "sheet.approve": "シートを承認・公開",
  "sheet.return": "シートを差し戻し",
  "sheet.import": "Excel から取り込み（実績値・記述）",
  "rating.set": "公式評価を設定",
  // evaluation years
  "evaluation.open": "評価年度を開始",
  "evaluation.close": "評価年度を終了",
  "evaluation.extend": "締切を延長",
  "evaluation.extensionRemove": "締切の延長を取り消し",
  // KPIs, plans, sections, units (set-up)
  "measure.create": "指標を追加",
  "measure.update": "指標の定義を変更",
  "measure.retire": "指標を廃止",
  "measure.restore": "指標を復活",
  "measure.reorder": "指標を並べ替え",
  "plan.create": "計画を作成",
  "plan.update": "計画の設定を変更",
  "plan.status": "計画の状態を変更",
  "plan.startNextPeriod": "次期計画を開始",
  "section.create": "施策区分を追加",
  "section.update": "施策区分を変更",
  "section.reorder": "施策区分を並べ替え",
  "section.delete": "施策区分を削除",
  "unit.create": "部局・課を追加",
  "unit.rename": "部局・課の名称を変更",
  "unit.move": "部局・課を移動",
  "unit.retire": "部局・課を廃止",
  "unit.restore": "部局・課を復活",
  "organization.create": "団体を登録",
  // people
  "user.create": "利用者を登録",
  "user.invite": "利用者を招待",
  "user.twoFactorReset": "2段階認証を解除（運用管理者）",
  "user.acceptInvitation": "招待を承諾",
  "user.declineInvitation": "招待を辞退",
  "user.withdrawInvitation": "招待を取り消し",
  "user.createAdmin": "管理者を登録",
  "user.createOperator": "運用管理者を登録",
  "user.makeOperator": "運用管理者に指定",
  "user.setRole": "役割・担当を変更",
  "user.disable": "利用者を無効化",
  "user.enable": "利用者を有効化",
  "user.resetPassword": "パスワードを再設定",
  "user.changeOwnPassword": "自分のパスワードを変更",
  "user.signOut": "すべての端末からサインアウト",
  "user.twoFactorStart": "2段階認証の設定を開始",
  "user.twoFactorEnable": "2段階認証を有効化",
  "user.twoFactorDisable": "2段階認証を無効化",
  "user.recoveryCodesRegenerate": "回復コードを再発行",
  "user.recoveryCodeUse": "回復コードでサインイン",
  "organization.security": "管理者の2段階認証の必須設定を変更",
  "apiToken.create": "API トークンを発行",
  "apiToken.revoke": "API トークンを失効",
  "notification.preferences": "通知の設定を変更",
  "mail.resend": "メールを再送",
  // the evaluation committee
  "comment.create": "評価委員がコメント",
  "comment.reply": "コメントに回答",
  "comment.publish": "コメントを公開",
  "comment.unpublish": "コメントを非公開に",
  "review.mark": "確認済みにした",
  "review.unmark": "確認済みを取り消し",
};

/** A code without a phrase (a record written by a newer version) is still never shown raw. */
export const actionLabel = (code: string) => AUDIT_ACTION_LABELS[code] ?? "その他の操作";

export const ENTITY_LABELS: Record<string, string> = {
  SheetEntry: "シート",
  Measure: "指標",
  OfficialRating: "公式評価",
  EvaluationYear: "評価年度",
  Plan: "計画",
  PlanSection: "施策区分",
  OrgUnit: "部局・課",
  Organization: "団体",
  User: "利用者",
  ApiToken: "API トークン",
  CommitteeComment: "評価委員のコメント",
  CommitteeReview: "評価委員の確認",
  DeadlineExtension: "締切の延長",
  MailMessage: "メール",
  Invitation: "招待",
};

export const entityLabel = (type: string) => ENTITY_LABELS[type] ?? "その他";
