// The kind of an organisational unit, read from how its name ends (部, 庁, 本部, 公室 at the top; 課 …).
const KINDS = ["本部", "公室", "部", "庁", "局", "課", "室", "センター"] as const;

export function unitKind(name: string): string | null {
  return KINDS.find((k) => name.endsWith(k)) ?? null;
}
