import { describe, expect, it } from "vitest";
import { findUnusedTableRules } from "../../../src/compare/rule-usage.ts";
import { matchRulesToColumnCase } from "../../../src/table/rule-column-case.ts";

describe("matchRulesToColumnCase", () => {
  it.each([
    ["score", ["Score"], ["score", '["Score"]']],
    ["$.score", ["Score", "SCORE"], ["$.score", '["Score"]', '["SCORE"]']],
    ["features.x", ["Features"], ["features.x", '["Features"]["x"]']],
    ["emb[*].v", ["EMB"], ["emb[*].v", '["EMB"][*]["v"]']],
    ["f.*", ["F"], ["f.*", '["F"].*']],
    ["f.**", ["F"], ["f.**", '["F"].**']],
    ["rows[3]", ["Rows"], ["rows[3]", '["Rows"][3]']],
    ["Score", ["Score"], ["Score"]],
    ["**.score", ["Score"], ["**.score"]],
    ["other", ["Score"], ["other"]],
  ])("gives the rule on %s a copy for each other spelling of its column", (path, columns, paths) => {
    const matched = matchRulesToColumnCase([{ path, ignore: true }], columns);
    expect(matched.map((rule) => rule.path)).toEqual(paths);
    expect(matched.every((rule) => rule.ignore === true)).toBe(true);
  });
});

describe("findUnusedTableRules under ignoreColumnCase", () => {
  const columns = { old: ["Score"], new: ["Score"] };
  it("counts a rule naming a column in another case as used", () => {
    expect(findUnusedTableRules([{ path: "score", ignore: true }], columns, true)).toBeUndefined();
  });

  it("still warns about it without ignoreColumnCase", () => {
    expect(findUnusedTableRules([{ path: "score", ignore: true }], columns)).toEqual([
      expect.objectContaining({ path: "score" }),
    ]);
  });
});
