import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { organizationsWhereCanRead } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { planPath } from "@/lib/paths";

export const metadata: Metadata = { title: "評価委員の確認" };

export default async function ReviewHomePage() {
  const user = await requireUser("/review");
  const orgIds = organizationsWhereCanRead(user, "review.view");
  const plans = await db().plan.findMany({
    where: { organizationId: { in: orgIds } },
    orderBy: [{ organization: { code: "asc" } }, { startYear: "desc" }],
    select: { slug: true, name: true, startYear: true, endYear: true, organization: { select: { code: true, name: true } } },
  });
  return (
    <>
      <h1>評価委員の確認</h1>
      {plans.length === 0 ? (
        <p>確認する計画はありません（評価委員または企画担当のアカウントでサインインしてください）。</p>
      ) : (
        <ul>
          {plans.map((p) => (
            <li key={`${p.organization.code}-${p.slug}`}>
              <a href={`${planPath(p.organization.code, p.slug)}/review`}>{p.organization.name}　{p.name}（{p.startYear}〜{p.endYear}）の確認リスト</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
