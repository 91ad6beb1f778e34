// Demo accounts, one per role, for the embedded demo database only (never for a DATABASE_URL installation).
// They are listed in the README. The demo also opens 熊本県's R5 evaluation so that editing can be tried.
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/passwords";

export const DEMO_PASSWORD = "kpi-demo-password";

type DemoAccount = { email: string; name: string; role: "viewer" | "officer" | "committee" | "admin"; org: string; units?: string[] };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@demo.example", name: "企画 太郎（企画振興部・管理者）", role: "admin", org: "430005" },
  { email: "doboku@demo.example", name: "土木 花子（土木部）", role: "officer", org: "430005", units: ["土木部"] },
  { email: "shoko@demo.example", name: "商工 次郎（商工労働部）", role: "officer", org: "430005", units: ["商工労働部"] },
  { email: "iin@demo.example", name: "評価 委員（有識者会議）", role: "committee", org: "430005" },
  { email: "viewer@demo.example", name: "閲覧 職員", role: "viewer", org: "430005" },
  { email: "kama-admin@demo.example", name: "総合政策課（嘉麻市・管理者）", role: "admin", org: "402273" },
];

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function ensureDemoAccounts(prisma: PrismaClient, deadline = new Date("2027-03-31T23:59:59+09:00")): Promise<number> {
  let created = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { email: a.email } })) continue;
    const org = await prisma.organization.findUnique({ where: { code: a.org } });
    if (!org) continue;
    const units = await prisma.orgUnit.findMany({ where: { organizationId: org.id, path: { in: a.units ?? [] } }, select: { id: true } });
    await prisma.user.create({
      data: {
        email: a.email,
        name: a.name,
        passwordHash,
        isDemo: true,
        memberships: { create: { organizationId: org.id, role: a.role, units: { create: units.map((u) => ({ unitId: u.id })) } } },
      },
    });
    created++;
  }
  const plan = await prisma.plan.findFirst({ where: { slug: "kumamoto-2020", organization: { code: "430005" } } });
  if (plan) {
    await prisma.evaluationYear.upsert({
      where: { planId_fiscalYear: { planId: plan.id, fiscalYear: 2023 } },
      create: { planId: plan.id, fiscalYear: 2023, status: "open", deadline },
      update: {},
    });
  }
  return created;
}
