import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { listOrganizationsForOperator } from "@/lib/organizations/queries";
import { KIND_LABELS } from "@/lib/organizations/local-government-code";
import { ScrollRegion } from "@/components/scroll-region";
import { CreateOrganizationForm } from "@/components/setup/create-organization-form";
import { addOrganization } from "./actions";

export const metadata: Metadata = { title: "運用管理" };

/** The installation's operators: every organisation, and adding one with its first administrator. */
export default async function SystemPage() {
  const user = await requireUser("/system");
  const organizations = await listOrganizationsForOperator(user);
  if (!organizations) {
    return (
      <>
        <h1>運用管理</h1>
        <p className="form-error" role="alert">このページを表示する権限がありません。運用管理者のアカウントでサインインしてください。</p>
      </>
    );
  }
  return (
    <>
      <h1>運用管理</h1>
      <p>この環境に登録されている団体と、団体の追加です。団体の部局・計画・指標は、各団体の管理者（企画担当）が設定します。</p>
      <p>すべての団体の通知メールの送信状況は <a href="/admin/mail">メールの送信状況（送信箱）</a> で確認できます。</p>
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">登録されている団体（{organizations.length}団体）</h2>
        <ScrollRegion label="登録されている団体">
          <table className="data-table setup-table">
            <caption className="visually-hidden">登録されている団体</caption>
            <thead>
              <tr>
                <th scope="col">団体コード</th>
                <th scope="col">団体名</th>
                <th scope="col">種別</th>
                <th scope="col" className="num">計画</th>
                <th scope="col" className="num">利用者</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id}>
                  <td className="num">{o.code}</td>
                  <th scope="row">{o.name}</th>
                  <td>{KIND_LABELS[o.kind]}</td>
                  <td className="num">{o.plans}</td>
                  <td className="num">{o.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="new-org-heading">
        <h2 id="new-org-heading">団体の追加</h2>
        <p>団体と最初の管理者を登録します。管理者の初期パスワードは登録後に一度だけ表示されます。</p>
        <CreateOrganizationForm action={addOrganization} />
      </section>
    </>
  );
}
