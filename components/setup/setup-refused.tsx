/** The one answer of the set-up pages to a signed-in user who may not set things up: no data of the organisation
 *  beyond what they may already read, just why, and who can. */
export function SetupRefused({ title = "設定", planName, backHref }: { title?: string; planName?: string; backHref?: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="form-error" role="alert">
        {planName ? `「${planName}」の` : "この"}設定を変更する権限がありません。設定できるのは、この団体の管理者（企画担当）です。
      </p>
      {backHref && <p><a href={backHref}>計画のページへ戻る</a></p>}
    </>
  );
}
