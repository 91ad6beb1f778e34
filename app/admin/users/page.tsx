import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getAdminOverview } from "@/lib/admin/queries";
import { ActionForm } from "@/components/forms/action-form";
import { SetupActionForm } from "@/components/setup/setup-action-form";
import { changeDisabled, changeMembership, changePassword } from "../actions";
import { inviteUserAction, withdrawInvitationAction } from "./actions";
import { listOpenInvitations } from "@/lib/users/invitations";
import { db } from "@/lib/db";
import { UserCreateForm } from "@/components/admin/user-create-form";

export const metadata: Metadata = { title: "利用者の管理" };
const ROLE_LABELS = { viewer: "閲覧者", officer: "担当課職員", committee: "評価委員", admin: "管理者（企画担当）" } as const;

function UnitSelect({ id, units, selected }: { id: string; units: { id: string; path: string }[]; selected: string[] }) {
  return (
    <select id={id} name="unitIds" multiple size={6} defaultValue={selected}>
      {units.map((u) => <option key={u.id} value={u.id}>{u.path.replace(" / ", " › ")}</option>)}
    </select>
  );
}

export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  const orgs = await getAdminOverview(user);
  if (orgs.length === 0) return <p className="form-error" role="alert">管理者の権限がありません。</p>;
  const invitations = await Promise.all(orgs.map((o) => listOpenInvitations(db(), user, o.id)));
  return (
    <>
      <h1>利用者の管理</h1>
      {orgs.map((o, index) => (
        <section key={o.id} aria-labelledby={`users-${o.code}`}>
          <h2 id={`users-${o.code}`}>{o.name}</h2>
          <h3>利用者を招待する</h3>
          <p>招待のメールが届いた本人がリンクから承諾すると、この団体の利用者になります（初めての方はそのときパスワードを設定します）。</p>
          <UserCreateForm action={inviteUserAction} organizationId={o.id} organizationName={o.name} code={o.code} roles={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} units={o.units} />
          <h3>承諾を待っている招待</h3>
          {invitations[index].length === 0 ? (
            <p>承諾を待っている招待はありません。</p>
          ) : (
            <ul>
              {invitations[index].map((i) => (
                <li key={i.id}>
                  {i.user.email} — {ROLE_LABELS[i.role as keyof typeof ROLE_LABELS]}（{i.createdAt.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" })}に送信、{i.expiresAt.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" })}まで有効）
                  <SetupActionForm action={withdrawInvitationAction} label={`${i.user.email}への招待の取り消し`}>
                    <input type="hidden" name="organizationId" value={o.id} />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button className="button button--secondary" type="submit">招待を取り消す<span className="visually-hidden">（{i.user.email}）</span></button>
                  </SetupActionForm>
                </li>
              ))}
            </ul>
          )}
          <h3>登録済みの利用者</h3>
          {o.memberships.map((m) => (
            <details key={`${m.user.id}-${m.role}`} className="status-panel">
              <summary>
                {m.user.name}（{m.user.email}）— {ROLE_LABELS[m.role as keyof typeof ROLE_LABELS]}
                {m.user.disabled && "・無効"}
                {m.user.isDemo && "・デモ"}
              </summary>
              <ActionForm action={changeMembership} label={`${m.user.name}の役割と担当`}>
                <input type="hidden" name="organizationId" value={o.id} />
                <input type="hidden" name="userId" value={m.user.id} />
                <div className="form-field">
                  <label htmlFor={`role-${m.user.id}`}>役割</label>
                  <select id={`role-${m.user.id}`} name="role" defaultValue={m.role}>
                    {Object.entries(ROLE_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                  </select>
                </div>
                <div className="form-field"><label htmlFor={`units-${m.user.id}`}>担当部局・課</label><UnitSelect id={`units-${m.user.id}`} units={o.units} selected={m.units.map((u) => u.unitId)} /></div>
                <button className="button" type="submit">役割と担当を保存</button>
              </ActionForm>
              <ActionForm action={changePassword} label={`${m.user.name}のパスワード再設定`}>
                <input type="hidden" name="organizationId" value={o.id} />
                <input type="hidden" name="userId" value={m.user.id} />
                <div className="form-field"><label htmlFor={`pw-${m.user.id}`}>新しいパスワード（12文字以上）</label><input id={`pw-${m.user.id}`} name="password" type="password" autoComplete="new-password" /></div>
                <button className="button button--secondary" type="submit">パスワードを再設定</button>
              </ActionForm>
              <ActionForm action={changeDisabled} label={`${m.user.name}の有効・無効`}>
                <input type="hidden" name="organizationId" value={o.id} />
                <input type="hidden" name="userId" value={m.user.id} />
                <input type="hidden" name="disabled" value={m.user.disabled ? "false" : "true"} />
                <button className="button button--secondary" type="submit">{m.user.disabled ? "有効にする" : "無効にする"}</button>
              </ActionForm>
            </details>
          ))}
        </section>
      ))}
    </>
  );
}
