// The causes of notifications, each called inside its change's transaction: a sheet submitted, returned or
// approved; a committee comment published or answered. The texts name the organisation, the plan, the KPI's No
// and name and the evaluation year (令和N年度（YYYY年度）), so an e-mail read on its own says what it is about.
import type { Prisma } from "../generated/prisma/client";
import { fiscalYearLabel } from "../fiscal-year";
import { measurePath, planPath } from "../paths";
import { notify, type NotifyResult } from "./notify";
import { officersOfMeasure, planningDivision } from "./recipients";

type Tx = Prisma.TransactionClient;

/** 「令和5年度（2023年度）」 */
export const yearForMail = (fiscalYear: number) => `${fiscalYearLabel(fiscalYear)}（${fiscalYear}年度）`;

async function measureContext(tx: Tx, measureId: string) {
  const m = await tx.measure.findUniqueOrThrow({
    where: { id: measureId },
    select: {
      id: true,
      number: true,
      name: true,
      owners: { select: { unitId: true } },
      plan: { select: { slug: true, name: true, organization: { select: { id: true, code: true, name: true } } } },
    },
  });
  const org = m.plan.organization;
  return {
    organizationId: org.id,
    organizationName: org.name,
    ownerUnitIds: m.owners.map((o) => o.unitId),
    kpi: `No.${m.number}「${m.name}」`,
    shortKpi: `No.${m.number} ${m.name}`,
    heading: `${org.name}　${m.plan.name}`,
    editLink: (year: number) => `${measurePath(org.code, m.plan.slug, m.number)}/edit?year=${year}`,
    /** the planning division's review screen of a submitted sheet */
    approvalLink: (year: number) => `${measurePath(org.code, m.plan.slug, m.number)}/approval?year=${year}`,
    pageLink: (year: number) => measurePath(org.code, m.plan.slug, m.number, year),
    reviewLink: (year: number) => `${planPath(org.code, m.plan.slug)}/review?year=${year}`,
  };
}

async function actorName(tx: Tx, userId: string) {
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? "（不明）";
}

type SheetEvent = { measureId: string; evaluationYear: number; actorId: string; reason?: string | null };

/** submitted → the planning division; returned (with the reason) or approved → the KPI's officers. */
export async function notifySheetEvent(tx: Tx, kind: "sheet_submitted" | "sheet_returned" | "sheet_approved", e: SheetEvent): Promise<NotifyResult> {
  const c = await measureContext(tx, e.measureId);
  const year = yearForMail(e.evaluationYear);
  const who = await actorName(tx, e.actorId);
  const recipients = kind === "sheet_submitted" ? await planningDivision(tx, c.organizationId) : await officersOfMeasure(tx, c.organizationId, c.ownerUnitIds);
  const text = {
    sheet_submitted: {
      title: `シートが提出されました：${c.shortKpi}（${fiscalYearLabel(e.evaluationYear)}）`,
      lines: [`${year}の ＫＰＩ分析シート ${c.kpi} が提出されました（提出した人：${who}）。`, "内容を確認し、承認するか、理由を添えて差し戻してください。"],
    },
    sheet_returned: {
      title: `シートが差し戻されました：${c.shortKpi}（${fiscalYearLabel(e.evaluationYear)}）`,
      lines: [`${year}の ＫＰＩ分析シート ${c.kpi} が企画担当から差し戻されました（差し戻した人：${who}）。`, "", "差し戻しの理由：", e.reason ?? "（理由の記載なし）", "", "理由を確認して修正し、もう一度提出してください。"],
    },
    sheet_approved: {
      title: `シートが承認されました：${c.shortKpi}（${fiscalYearLabel(e.evaluationYear)}）`,
      lines: [`${year}の ＫＰＩ分析シート ${c.kpi} が承認され、公開されました（承認した人：${who}）。`],
    },
  }[kind];
  return notify(tx, {
    organizationId: c.organizationId,
    organizationName: c.organizationName,
    kind,
    userIds: recipients.map((r) => r.id).filter((id) => id !== e.actorId),
    title: text.title,
    body: [c.heading, ...text.lines].join("\n"),
    link: { sheet_submitted: c.approvalLink, sheet_returned: c.editLink, sheet_approved: c.pageLink }[kind](e.evaluationYear),
  });
}

async function commentContext(tx: Tx, commentId: string) {
  return tx.committeeComment.findUniqueOrThrow({
    where: { id: commentId },
    select: { id: true, body: true, measureId: true, evaluationYear: true, authorId: true, parentId: true, parent: { select: { authorId: true, body: true } } },
  });
}

const excerpt = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A committee comment was published → the KPI's officers. */
export async function notifyCommentPublished(tx: Tx, commentId: string, actorId: string): Promise<NotifyResult> {
  const comment = await commentContext(tx, commentId);
  const c = await measureContext(tx, comment.measureId);
  const officers = await officersOfMeasure(tx, c.organizationId, c.ownerUnitIds);
  return notify(tx, {
    organizationId: c.organizationId,
    organizationName: c.organizationName,
    kind: "comment_published",
    userIds: officers.map((o) => o.id).filter((id) => id !== actorId),
    title: `評価委員のコメントが公開されました：${c.shortKpi}`,
    body: [c.heading, `${yearForMail(comment.evaluationYear)}の ${c.kpi} への評価委員のコメントが公開されました。`, "", "コメント：", excerpt(comment.body)].join("\n"),
    link: c.pageLink(comment.evaluationYear),
    // published, withdrawn and published again: the department hears of it once
    dedupeKey: `comment-published:${comment.id}`,
  });
}

/** The department answered a committee comment → the comment's author. */
export async function notifyCommentAnswered(tx: Tx, replyId: string): Promise<NotifyResult> {
  const reply = await commentContext(tx, replyId);
  if (!reply.parent || reply.parent.authorId === reply.authorId) return { notifications: 0, mails: 0 };
  const c = await measureContext(tx, reply.measureId);
  const who = await actorName(tx, reply.authorId);
  return notify(tx, {
    organizationId: c.organizationId,
    organizationName: c.organizationName,
    kind: "comment_answered",
    userIds: [reply.parent.authorId],
    title: `コメントに回答がありました：${c.shortKpi}`,
    body: [c.heading, `${yearForMail(reply.evaluationYear)}の ${c.kpi} へのあなたのコメントに回答がありました（回答した人：${who}）。`, "", "あなたのコメント：", excerpt(reply.parent.body), "", "回答：", excerpt(reply.body)].join("\n"),
    link: c.reviewLink(reply.evaluationYear),
  });
}
