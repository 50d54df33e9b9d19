import { describe, expect, it } from "vitest";
import { loadAcceptedFile, parseAcceptedText } from "../../../src/accept/load-accepted.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { makeTempDir } from "../config/temp-dir.ts";

const parse = (text: string) =>
  parseAcceptedText(text, "/repo/twinrun.accepted.yaml", "twinrun.accepted.yaml");

function messageOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).exitCode).toBe(2);
    return (error as TwinrunError).message;
  }
  throw new Error("expected the file to be rejected");
}

describe("the accepted-differences file", () => {
  it("reads entries with their pattern, kinds, range and note", () => {
    const file = parse(
      'accepted:\n  - path: features.age_bucket\n    kinds: [value, value, type]\n    maxChanged: 2%\n    note: new buckets\n  - { path: "rows[*].score", kinds: [value], maxChanged: 3 }\n',
    );
    expect(file.entries).toEqual([
      {
        path: "features.age_bucket",
        segments: [
          { type: "key", key: "features" },
          { type: "key", key: "age_bucket" },
        ],
        kinds: ["value", "type"],
        limit: { ratePercent: 2 },
        note: "new buckets",
      },
      expect.objectContaining({ path: "rows[*].score", kinds: ["value"], limit: { count: 3 } }),
    ]);
  });

  it("reads a maxRate entry as a rate bound", () => {
    const file = parse("accepted:\n  - { path: score, kinds: [value], maxRate: 2.9% }\n");
    expect(file.entries[0].limit).toEqual({ maxRatePercent: 2.9 });
  });

  it("accepts nothing from an empty file or one with only comments", () => {
    expect(parse("").entries).toEqual([]);
    expect(parse("# nothing approved yet\n").entries).toEqual([]);
    expect(parse("accepted: []\n").entries).toEqual([]);
  });

  it.each([
    [
      "a kind that does not exist",
      "accepted:\n  - { path: a, kinds: [values], maxChanged: 1 }\n",
      'twinrun.accepted.yaml: accepted[0].kinds[0]: expected one of "value", "type", "added", "removed", "length", "failure", got "values"',
    ],
    [
      "a missing range",
      "accepted:\n  - { path: a, kinds: [value] }\n",
      "twinrun.accepted.yaml: accepted[0].maxRate: missing, expected a limit: maxRate (a rate bound like 2.9%) or maxChanged (a count like 3, or a rate like 0.5%)",
    ],
    [
      "a misspelt key",
      "accepted:\n  - { path: a, kinds: [value], maxChanged: 1, nots: x }\n",
      'twinrun.accepted.yaml: accepted[0].nots: unknown key; did you mean "note"?',
    ],
    [
      "a bad pattern",
      "accepted:\n  - { path: 'a..b', kinds: [value], maxChanged: 1 }\n",
      "twinrun.accepted.yaml: accepted[0].path: expected a path pattern",
    ],
    [
      "a bad rate",
      "accepted:\n  - { path: a, kinds: [value], maxChanged: 200% }\n",
      "accepted[0].maxChanged",
    ],
    [
      "no kinds",
      "accepted:\n  - { path: a, kinds: [], maxChanged: 1 }\n",
      "accepted[0].kinds: expected a list",
    ],
    [
      "a list at the top",
      "- { path: a }\n",
      "twinrun.accepted.yaml: expected a mapping with an accepted: list",
    ],
    ["broken YAML", "accepted: [\n", "twinrun.accepted.yaml:"],
  ])("rejects %s with a message naming the file and the key", (_name, text, expected) => {
    expect(messageOf(text)).toContain(expected);
  });

  it("says how to create a missing file", async () => {
    const dir = makeTempDir();
    await expect(loadAcceptedFile(`${dir}/nope.yaml`, dir)).rejects.toThrow(
      /accepted-differences file not found: nope\.yaml; .*twinrun accept/,
    );
  });
});
