import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { findInvitation, ROLE_LABELS } from "@/lib/users/invitations";
import { AnswerForm, NewUserAcceptForm } from "@/components/invitations/invitation-forms";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { acceptAsNewUserAction, answerInvitationAction } from "./actions";

export const metadata: Metadata = { title: "招待", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(db(), token);
  if (!invitation) {
    return (
      <>
        <h1>招待</h1>
        <p role="alert">この招待は無効です。期限が切れたか、取り消されたか、すでに回答されています。招待した団体の企画担当にお問い合わせください。</p>
      </>
    );
  }
  const user = await getCurrentUser();
  const until = invitation.expiresAt.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" });
  return (
    <>
      <h1>{invitation.organizationName}からの招待</h1>
      <dl className="definition-list">
        <dt>メールアドレス</dt><dd>{invitation.email}</dd>
        <dt>役割</dt><dd>{ROLE_LABELS[invitation.role]}</dd>
        {invitation.units.length > 0 && <><dt>担当</dt><dd>{invitation.units.join("、")}</dd></>}
        <dt>有効期限</dt><dd>{until}</dd>
      </dl>
      {invitation.newUser ? (
        <>
          <p>氏名とパスワードを設定すると参加できます。サインインにはこのメールアドレスと設定したパスワードを使います。</p>
          <NewUserAcceptForm action={acceptAsNewUserAction} token={token} name={invitation.name} />
        </>
      ) : !user ? (
        <p>
          このメールアドレスのアカウントでサインインしてから承諾してください。
          <a className="button" href={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`}>サインインして承諾する</a>
        </p>
      ) : user.id !== invitation.userId ? (
        <>
          <p role="alert">別のアカウント（{user.email}）でサインインしています。招待されたメールアドレスのアカウントでサインインし直してください。</p>
          <SignOutButton />
        </>
      ) : (
        <>
          <p>{user.name}さん、承諾すると{invitation.organizationName}の「{ROLE_LABELS[invitation.role]}」としても利用できるようになります。</p>
          <AnswerForm action={answerInvitationAction} token={token} decision="accept" />
          <AnswerForm action={answerInvitationAction} token={token} decision="decline" />
        </>
      )}
    </>
  );
}
