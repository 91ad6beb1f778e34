/** What a signed-in user without the right sees on a set-up page: no data of the organisation, just why. */
export function SetupRefused() {
  return (
    <>
      <h1>設定</h1>
      <p className="form-error" role="alert">このページを表示する権限がありません。設定できるのは、この団体の管理者（企画担当）です。</p>
    </>
  );
}
