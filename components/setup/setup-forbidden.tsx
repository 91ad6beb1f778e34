/** The one answer of the set-up pages to a signed-in user who may not set the plan up. */
export function SetupForbidden({ planName, backHref }: { planName: string; backHref: string }) {
  return (
    <>
      <h1>指標の設定</h1>
      <p className="form-error" role="alert">
        「{planName}」の設定を変更する権限がありません。計画の設定は団体の管理者（企画担当）が行います。
      </p>
      <p><a href={backHref}>計画のページへ戻る</a></p>
    </>
  );
}
