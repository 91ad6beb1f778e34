import { describe, expect, it } from "vitest";
import { parseNarrative } from "./parse";

describe("parseNarrative", () => {
  it("keeps paragraphs and groups bullet items into lists, text unchanged", () => {
    expect(parseNarrative("　被災者の意向に沿った支援を行った。\n・リバースモーゲージ利子助成\n・自宅再建利子助成\n※R5実績：①玉名市：68人")).toEqual([
      { kind: "paragraph", text: "被災者の意向に沿った支援を行った。" },
      { kind: "list", items: ["・リバースモーゲージ利子助成", "・自宅再建利子助成", "※R5実績：①玉名市：68人"] },
    ]);
  });
  it("reads the R2 sheets' '- ' items as a list", () => {
    expect(parseNarrative("- 令和2年中の刑法犯認知件数は減少した。\n- 啓発活動を推進した。")).toEqual([
      { kind: "list", items: ["- 令和2年中の刑法犯認知件数は減少した。", "- 啓発活動を推進した。"] },
    ]);
  });
  it("has nothing to show for an empty narrative", () => {
    expect(parseNarrative(null)).toEqual([]);
    expect(parseNarrative("\n \n")).toEqual([]);
  });
});
