// Which changed trials become examples: every changed path, then every kind of change on it,
// before any repeat; the earliest inputs when nothing new is left; never more than the limit.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../adapters/types.ts";
import { Aggregator } from "../../../src/aggregate/aggregator.ts";
import { ExamplePicker, recordSignature } from "../../../src/aggregate/example-picker.ts";
import type { Difference, DifferenceKind } from "../../../src/compare/types.ts";
import type { TrialResult } from "../../../src/runner/types.ts";

const ok = (text: string): Outcome => ({ status: "ok", text, durationMs: 1 });

function changedTrial(index: number, differences: Difference[]): TrialResult {
  return {
    index,
    inputText: JSON.stringify({ id: index }),
    old: ok("{}"),
    new: ok("{}"),
    comparison: { differences, truncated: false },
  };
}

const change = (path: string, kind: DifferenceKind): Difference => ({ path, kind, old: 0, new: 1 });

// Picks from trials given as [index, [path, kind][]], in input order.
function pick(limit: number, trials: [number, [string, DifferenceKind][]][]): number[] {
  const picker = new ExamplePicker<TrialResult>(limit, (trial) =>
    recordSignature(trial.comparison.differences),
  );
  for (const [index, changes] of trials)
    picker.add(
      changedTrial(
        index,
        changes.map(([path, kind]) => change(path, kind)),
      ),
    );
  return picker.result().map((trial) => trial.index);
}

describe("example picking", () => {
  it("keeps a late change on another path that hundreds of repeats would have hidden", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    for (let index = 0; index < 300; index++)
      aggregator.add(changedTrial(index, [{ path: "score", kind: "type", old: 1, new: "1" }]));
    aggregator.add(changedTrial(300, [{ path: "ratio", kind: "value", old: 0, new: Number.NaN }]));
    const { examples } = aggregator.result();
    expect(examples.map((example) => example.index)).toEqual([0, 300, 1, 2, 3]);
    expect(examples[1]!.differences).toEqual([{ path: "ratio", kind: "value", old: 0, new: Number.NaN }]);
  });

  it.each<[string, number, [number, [string, DifferenceKind][]][], number[]]>([
    [
      "the earliest inputs when every trial shows the same",
      2,
      [
        [0, [["a", "value"]]],
        [1, [["a", "value"]]],
        [2, [["a", "value"]]],
      ],
      [0, 1],
    ],
    [
      "each path before a second kind on one path",
      2,
      [
        [0, [["a", "type"]]],
        [1, [["a", "type"]]],
        [2, [["a", "value"]]],
        [3, [["b", "value"]]],
      ],
      [0, 3],
    ],
    [
      "each kind on a path once there is room",
      3,
      [
        [0, [["a", "type"]]],
        [1, [["a", "type"]]],
        [2, [["a", "value"]]],
        [3, [["b", "value"]]],
        [4, [["b", "value"]]],
      ],
      [0, 2, 3],
    ],
    [
      "the earlier of two trials that show the same new change",
      2,
      [
        [0, [["a", "value"]]],
        [1, [["a", "value"]]],
        [5, [["b", "value"]]],
        [6, [["b", "value"]]],
      ],
      [0, 5],
    ],
    [
      "a trial showing two new paths over one showing one",
      2,
      [
        [0, [["a", "value"]]],
        [1, [["b", "value"]]],
        [
          2,
          [
            ["c", "value"],
            ["d", "value"],
          ],
        ],
      ],
      [0, 2],
    ],
    [
      "paths folded as the paths table folds them: another element is no new path",
      2,
      [
        [0, [["items[0].x", "value"]]],
        [1, [["items[7].x", "value"]]],
        [2, [["items[3].y", "value"]]],
      ],
      [0, 2],
    ],
    ["nothing with a limit of 0", 0, [[0, [["a", "value"]]]], []],
  ])("keeps %s", (_name, limit, trials, expected) => {
    expect(pick(limit, trials)).toEqual(expected);
  });

  it("lists the examples that show something new first, in input order, then the repeats", () => {
    expect(
      pick(4, [
        [0, [["a", "value"]]],
        [1, [["a", "value"]]],
        [2, [["b", "value"]]],
        [3, [["a", "value"]]],
      ]),
    ).toEqual([0, 2, 1, 3]);
  });

  it("tells failures apart by what each side did", () => {
    const failure = (oldSide: unknown, newSide: unknown): Difference => ({
      path: "$",
      kind: "failure",
      old: oldSide,
      new: newSide,
    });
    const timeout = { failure: "timeout", message: "no output within 10 ms" };
    const exception = { failure: "exception", message: "TypeError: x" };
    const picker = new ExamplePicker<TrialResult>(2, (trial) =>
      recordSignature(trial.comparison.differences),
    );
    picker.add(changedTrial(0, [failure(1, timeout)]));
    picker.add(changedTrial(1, [failure(1, { ...timeout, message: "no output within 20 ms" })]));
    picker.add(changedTrial(2, [failure(1, exception)]));
    expect(picker.result().map((trial) => trial.index)).toEqual([0, 2]);
  });

  it("counts a trial whose row is missing on one side as a change of its own", () => {
    const signature = recordSignature([], "new");
    expect(signature.paths).toEqual(["(absent in new)"]);
    expect(recordSignature([change("a", "value"), change("a", "value")])).toEqual({
      paths: ["a"],
      changes: ["a\u0000value"],
    });
  });
});
