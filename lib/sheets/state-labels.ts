// A sheet's workflow state as staff read it (one home: /work, the queue, the review screen).
export const STATE_LABELS = { none: "未着手", draft: "下書き", submitted: "提出済", returned: "差戻し", published: "公開" } as const;
export type SheetStateKey = keyof typeof STATE_LABELS;
