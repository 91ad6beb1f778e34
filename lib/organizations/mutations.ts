// Adding an organisation (団体) to the installation, with its first administrator: operators only (運用管理者),
// from the /system page or the `npm run org:create` CLI, both through this one function. The administrator's
// initial password is generated here, returned once to the caller and stored only as its argon2 hash.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import { hashPassword } from "../auth/passwords";
import { parseLocalGovernmentCode } from "./local-government-code";

/** The CLI acts as an operator without a user row: audit records say channel "cli" and no user. */
export const CLI_OPERATOR: Actor = { id: "", memberships: [], isOperator: true, via: { channel: "cli" } };

export const createOrganizationSchema = z
  .object({
    code: z.string().trim().min(1, "団体コードを入力してください"),
    name: z.string().trim().min(1, "団体名を入力してください").max(100, "団体名は100文字以内にしてください"),
    kind: z.enum(["prefecture", "municipality"], { message: "種別を選んでください" }),
    adminEmail: z.string().trim().toLowerCase().email("メールアドレスの形式が正しくありません"),
    adminName: z.string().trim().max(100, "氏名は100文字以内にしてください").optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    const c = parseLocalGovernmentCode(v.code);
    if (!c.ok) ctx.addIssue({ code: "custom", path: ["code"], message: c.message });
    else if (c.kind !== v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: c.kind === "prefecture" ? "この団体コードは都道府県のものです（下3桁目まで 000）" : "この団体コードは市区町村のものです" });
  });
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export type CreatedOrganization = { organizationId: string; code: string; name: string; adminEmail: string; initialPassword: string };

/** A readable initial password: 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
export function generateInitialPassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(32);
  let out = "";
  // 256 is not a multiple of 56: skip the bytes that would bias the draw
  for (const b of bytes) if (b < 224 && out.length < 16) out += alphabet[b % alphabet.length];
  return out.length === 16 ? out : generateInitialPassword();
}

export async function createOrganization(prisma: PrismaClient, actor: Actor, raw: z.output<typeof createOrganizationSchema>): Promise<CreatedOrganization> {
  assertCan(actor, "organization.create", "installation");
  const code = parseLocalGovernmentCode(raw.code);
  if (!code.ok) refuse("invalid", MESSAGES.invalid, { code: code.message });
  const initialPassword = generateInitialPassword();
  // argon2 is slow on purpose: hash before the transaction, not inside its retries
  const passwordHash = await hashPassword(initialPassword);
  return inTransaction(prisma, async (tx) => {
    const errors: Record<string, string> = {};
    if (await tx.organization.findUnique({ where: { code: code.code }, select: { id: true } })) errors.code = `団体コード ${code.code} の団体は登録済みです`;
    // say only that the address is taken: which organisation it belongs to is not the operator's business here
    if (await tx.user.findUnique({ where: { email: raw.adminEmail }, select: { id: true } })) errors.adminEmail = "このメールアドレスは登録済みです";
    if (Object.keys(errors).length) refuse("invalid", MESSAGES.invalid, errors);
    const org = await tx.organization.create({ data: { code: code.code, name: raw.name, kind: code.kind, prefectureCode: code.prefectureCode }, select: { id: true } });
    const admin = await tx.user.create({ data: { email: raw.adminEmail, name: raw.adminName ?? `${raw.name} 管理者`, passwordHash }, select: { id: true, name: true } });
    await tx.membership.create({ data: { userId: admin.id, organizationId: org.id, role: "admin" } });
    const userId = actor.id || null;
    await writeAudit(tx, { organizationId: org.id, userId, action: "organization.create", entityType: "Organization", entityId: org.id, after: { code: code.code, name: raw.name, kind: code.kind, prefectureCode: code.prefectureCode }, via: actor.via });
    await writeAudit(tx, { organizationId: org.id, userId, action: "user.create", entityType: "User", entityId: admin.id, after: { email: raw.adminEmail, name: admin.name, role: "admin" }, via: actor.via });
    return { organizationId: org.id, code: code.code, name: raw.name, adminEmail: raw.adminEmail, initialPassword };
  });
}
