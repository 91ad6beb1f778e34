// Which sheet entries have a published version: ever published — also while a new draft is being worked on.
export const PUBLISHED_ENTRY = {
  OR: [
    { state: "published" as const },
    { publishedAt: { not: null } },
    { publishedEffortStatus: { not: null } },
    { publishedIssues: { not: null } },
    { publishedDirection: { not: null } },
  ],
};

/** The same condition in SQL, for a raw query that names the sheet entry `e` (the KPI page's one-statement load). */
export const PUBLISHED_ENTRY_SQL = `(e.state = 'published' OR e."publishedAt" IS NOT NULL OR e."publishedEffortStatus" IS NOT NULL OR e."publishedIssues" IS NOT NULL OR e."publishedDirection" IS NOT NULL)`;
