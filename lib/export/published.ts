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
