import "server-only";
// Reads for a plan's set-up page (its organisation's administrators).
import { db } from "../db";
import { treeOrder } from "./section-order";

export async function getPlanSetup(code: string, slug: string) {
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code } },
    select: {
      id: true,
      slug: true,
      name: true,
      startYear: true,
      endYear: true,
      progressRule: true,
      progressSettings: true,
      status: true,
      description: true,
      printFormName: true,
      organization: { select: { id: true, code: true, name: true } },
      predecessor: { select: { slug: true, name: true } },
      successors: { select: { slug: true, name: true } },
      sections: { select: { id: true, key: true, label: true, title: true, kind: true, parentId: true, sortOrder: true, _count: { select: { measures: true } } } },
      _count: { select: { measures: { where: { retiredAt: null } } } },
    },
  });
  return plan ? { ...plan, sections: treeOrder(plan.sections) } : null;
}
