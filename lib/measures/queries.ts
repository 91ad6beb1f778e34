import "server-only";
import { db } from "../db";

/** Every organisation with its plans and their measures, in printed order: the first page's list. */
export async function getMeasureDirectory() {
  return db().organization.findMany({
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      plans: {
        orderBy: [{ startYear: "desc" }, { slug: "asc" }],
        select: {
          id: true,
          slug: true,
          name: true,
          startYear: true,
          endYear: true,
          measures: {
            orderBy: { sortOrder: "asc" },
            select: {
              id: true,
              number: true,
              name: true,
              section: { select: { title: true, label: true } },
              owners: { orderBy: { sortOrder: "asc" }, select: { unit: { select: { name: true, parent: { select: { name: true } } } } } },
            },
          },
        },
      },
    },
  });
}
