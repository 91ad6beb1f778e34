// Finding an organisation by name or 全国地方公共団体コード, a page at a time: shared by the organisation list
// and the open-data page.

export const ORGANIZATIONS_PER_PAGE = 50;

/** The Prisma filter for a search by name (Japanese or English) or by the start of the code. */
export function organizationSearchWhere(query: string | undefined) {
  const q = query?.trim();
  return q ? { OR: [{ name: { contains: q } }, { code: { startsWith: q } }, { nameEn: { contains: q, mode: "insensitive" as const } }] } : {};
}

/** ?q= and ?page= as typed in the URL; anything malformed becomes the first page of everything. */
export function parseOrganizationSearch(params: Record<string, string | string[] | undefined>): { q: string; page: number } {
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const page = Math.max(1, Number.parseInt(typeof params.page === "string" ? params.page : "1", 10) || 1);
  return { q, page };
}
