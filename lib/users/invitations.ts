// Adding people to an organisation by invitation (the planning division): the admin names an e-mail address, a
// role and units; the membership starts only when the person accepts through the link sent to that address.
// A new address gets a user without a password, who chooses one on accepting; an existing user (of this
// installation, perhaps of another organisation) signs in and accepts. The admin's answer, the audit record and
// the e-mail are the same in both cases, so nothing reveals who is registered elsewhere.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can, ROLES, type Actor } from "../authz/permissions";
import { refuse } from "../actions/refusal";
import { inTransaction, type Tx } from "../actions/transaction";
import { writeAudit } from "../audit/log";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { appBaseUrl, mailSubject } from "../notifications/notify";

export const INVITATION_DAYS = 14;
export const ROLE_LABELS = { viewer: "閲覧者", officer: "担当課職員", committee: "評価委員", admin: "管理者（企画担当）" } as const;

export const inviteSchema = z.object({
  organizationId: z.string().min(1).max(100),
  email: z.string().trim().toLowerCase().max(200).email("メールアドレスの形式が正しくありません"),
  name: z.string().trim().min(1, "氏名を入力してください").max(100, "100文字以内で入力してください"),
  role: z.enum(ROLES, { message: "役割を選んでください" }),
  unitIds: z.array(z.string().max(100)).max(200).default([]),
});

export const acceptSchema = z.object({
  token: z.string().min(10).max(200),
  decision: z.enum(["accept", "decline"]).default("accept"),
});

export const acceptNewSchema = acceptSchema
  .extend({
    name: z.string().trim().min(1, "氏名を入力してください").max(100, "100文字以内で入力してください"),
    password: z.string().min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`).max(200, "200文字以内で入力してください"),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "確認のパスワードが一致しません" });

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function checkUnits(tx: Tx, organizationId: string, role: string, unitIds: string[]) {
  if (role === "officer" && unitIds.length === 0) refuse("invalid", "担当部局・課を選んでください。", { unitIds: "担当課職員には担当部局・課が必要です" });
  const found = await tx.orgUnit.count({ where: { id: { in: unitIds }, organizationId, retiredAt: null } });
  if (found !== new Set(unitIds).size) refuse("invalid", "この団体の部局・課ではありません。", { unitIds: "この団体の部局・課を選んでください" });
}

/** Admin: invite an address. The answer never says whether the address was known. */
export async function inviteUser(prisma: PrismaClient, actor: Actor, input: z.output<typeof inviteSchema>, now = new Date()): Promise<{ email: string }> {
  if (!can(actor, "user.manage", { organizationId: input.organizationId })) refuse("forbidden", "この操作を行う権限がありません。");
  return inTransaction(prisma, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true } });
    if (!org) refuse("not_found", "団体が見つかりません。");
    await checkUnits(tx, org.id, input.role, input.unitIds);
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, memberships: { where: { organizationId: org.id }, select: { id: true } } } });
    // only this organisation's own members are named: the admin may know them already
    if (existing && existing.memberships.length > 0) refuse("invalid", "入力内容を確認してください。", { email: "この団体に登録済みの利用者です（役割は一覧から変更できます）" });
    const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: null } }));
    await tx.invitation.updateMany({ where: { organizationId: org.id, userId: user.id, acceptedAt: null, closedAt: null }, data: { closedAt: now } });
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const invitation = await tx.invitation.create({
      data: { organizationId: org.id, userId: user.id, role: input.role, unitIds: input.unitIds, tokenHash: hashToken(token), invitedById: actor.id, expiresAt },
    });
    const units = await tx.orgUnit.findMany({ where: { id: { in: input.unitIds } }, select: { path: true } });
    const until = expiresAt.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" });
    await tx.mailMessage.create({
      data: {
        organizationId: org.id,
        to: input.email,
        subject: mailSubject(`${org.name}から招待が届いています`),
        text: [
          `${input.name} 様`,
          "",
          `${org.name}の総合戦略 KPI ダッシュボードに「${ROLE_LABELS[input.role]}」として招待されました。`,
          units.length ? `担当：${units.map((u) => u.path).join("、")}` : "",
          "",
          "次のリンクを開いて、招待を承諾してください（初めての方はパスワードを設定します）。",
          `${appBaseUrl()}/invitations/${token}`,
          "",
          `このリンクは${until}まで有効です。心当たりがない場合は、このメールを破棄してください。`,
          "",
          `— ${org.name}（総合戦略 KPI ダッシュボード）`,
        ].filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n"),
      },
    });
    await writeAudit(tx, {
      organizationId: org.id,
      userId: actor.id,
      action: "user.invite",
      entityType: "Invitation",
      entityId: invitation.id,
      after: { email: input.email, role: input.role, unitIds: input.unitIds, expiresAt: expiresAt.toISOString() },
      via: actor.via,
    });
    return { email: input.email };
  });
}

export type InvitationView = {
  organizationName: string;
  email: string;
  name: string;
  role: keyof typeof ROLE_LABELS;
  units: string[];
  expiresAt: Date;
  /** the invitee has no password yet: they choose one on accepting */
  newUser: boolean;
  userId: string;
};

/** The invitation a link names, while it can still be answered (null: unknown, expired, used or withdrawn). */
export async function findInvitation(prisma: PrismaClient, token: string, now = new Date()): Promise<InvitationView | null> {
  if (typeof token !== "string" || token.length < 10 || token.length > 200) return null;
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { role: true, unitIds: true, expiresAt: true, acceptedAt: true, closedAt: true, organization: { select: { name: true } }, user: { select: { id: true, email: true, name: true, passwordHash: true, disabled: true } } },
  });
  if (!row || row.acceptedAt || row.closedAt || row.expiresAt <= now || row.user.disabled) return null;
  const units = await prisma.orgUnit.findMany({ where: { id: { in: row.unitIds } }, select: { path: true }, orderBy: { path: "asc" } });
  return { organizationName: row.organization.name, email: row.user.email, name: row.user.name, role: row.role, units: units.map((u) => u.path), expiresAt: row.expiresAt, newUser: !row.user.passwordHash, userId: row.user.id };
}

async function openInvitation(tx: Tx, token: string, now: Date) {
  const row = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { id: true, passwordHash: true, disabled: true } } } });
  if (!row || row.acceptedAt || row.closedAt || row.expiresAt <= now || row.user.disabled) refuse("not_found", "この招待は無効です（期限切れ、取り消し、または回答済み）。");
  return row;
}

async function join(tx: Tx, invitation: { id: string; organizationId: string; userId: string; role: (typeof ROLES)[number]; unitIds: string[] }, now: Date, by: string | null, channel: Actor["via"]) {
  // units retired since the invitation are left out rather than refusing the whole acceptance
  const units = await tx.orgUnit.findMany({ where: { id: { in: invitation.unitIds }, organizationId: invitation.organizationId }, select: { id: true } });
  await tx.membership.upsert({
    where: { userId_organizationId_role: { userId: invitation.userId, organizationId: invitation.organizationId, role: invitation.role } },
    create: { userId: invitation.userId, organizationId: invitation.organizationId, role: invitation.role, units: { create: units.map((u) => ({ unitId: u.id })) } },
    update: {},
  });
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
  await writeAudit(tx, {
    organizationId: invitation.organizationId,
    userId: by,
    action: "user.acceptInvitation",
    entityType: "Invitation",
    entityId: invitation.id,
    after: { role: invitation.role, unitIds: units.map((u) => u.id) },
    via: channel,
  });
}

/** A signed-in existing user accepts or declines an invitation addressed to them. */
export async function answerInvitation(prisma: PrismaClient, actor: Actor, input: z.output<typeof acceptSchema>, now = new Date()): Promise<{ accepted: boolean }> {
  return inTransaction(prisma, async (tx) => {
    const invitation = await openInvitation(tx, input.token, now);
    // the link alone is not enough for an existing account: the invitee must be the one signed in
    if (invitation.userId !== actor.id) refuse("forbidden", "この招待は、招待されたメールアドレスのアカウントでサインインして承諾してください。");
    if (input.decision === "decline") {
      await tx.invitation.update({ where: { id: invitation.id }, data: { closedAt: now } });
      await writeAudit(tx, { organizationId: invitation.organizationId, userId: actor.id, action: "user.declineInvitation", entityType: "Invitation", entityId: invitation.id, via: actor.via });
      return { accepted: false };
    }
    // roles are read from the database on every request: the new one applies from the next page
    await join(tx, invitation, now, actor.id, actor.via);
    return { accepted: true };
  });
}

/** Someone new (no password yet) accepts through the link: chooses a name and password, and joins. */
export async function acceptAsNewUser(prisma: PrismaClient, input: z.output<typeof acceptNewSchema>, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(prisma, async (tx) => {
    const invitation = await openInvitation(tx, input.token, now);
    if (invitation.user.passwordHash) refuse("forbidden", "このメールアドレスのアカウントでサインインして承諾してください。");
    if (input.decision === "decline") {
      await tx.invitation.update({ where: { id: invitation.id }, data: { closedAt: now } });
      await writeAudit(tx, { organizationId: invitation.organizationId, userId: invitation.userId, action: "user.declineInvitation", entityType: "Invitation", entityId: invitation.id });
      return { email: "" };
    }
    const user = await tx.user.update({ where: { id: invitation.userId }, data: { name: input.name, passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
    await join(tx, invitation, now, invitation.userId, { channel: "form" });
    return { email: user.email };
  });
}

/** The admin's list of open invitations (address, role, when, until). */
export async function listOpenInvitations(prisma: PrismaClient, actor: Actor, organizationId: string, now = new Date()) {
  if (!can(actor, "user.manage", { organizationId })) return [];
  return prisma.invitation.findMany({
    where: { organizationId, acceptedAt: null, closedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, user: { select: { email: true } } },
  });
}

export const withdrawSchema = z.object({ organizationId: z.string().min(1).max(100), invitationId: z.string().min(1).max(100) });

export async function withdrawInvitation(prisma: PrismaClient, actor: Actor, input: z.output<typeof withdrawSchema>, now = new Date()): Promise<{ email: string }> {
  if (!can(actor, "user.manage", { organizationId: input.organizationId })) refuse("forbidden", "この操作を行う権限がありません。");
  return inTransaction(prisma, async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: input.invitationId, organizationId: input.organizationId, acceptedAt: null, closedAt: null }, select: { id: true, user: { select: { email: true } } } });
    if (!row) refuse("not_found", "招待が見つかりません（回答済みか、取り消し済みです）。");
    await tx.invitation.update({ where: { id: row.id }, data: { closedAt: now } });
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id, action: "user.withdrawInvitation", entityType: "Invitation", entityId: row.id, via: actor.via });
    return { email: row.user.email };
  });
}
