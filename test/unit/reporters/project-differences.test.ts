import { describe, expect, it } from "vitest";
import type { Difference } from "../../../src/compare/types.ts";
import { parseConcretePath, projectToDifferences } from "../../../src/reporters/project-differences.ts";

const at = (path: string): Difference => ({ path, kind: "value" });

describe("parseConcretePath", () => {
  it.each([
    { path: "$", segments: [] },
    { path: "a", segments: ["a"] },
    { path: "a.b[3].c", segments: ["a", "b", 3, "c"] },
    { path: '["odd key"].x', segments: ["odd key", "x"] },
    { path: 'a["with \\"quote"]', segments: ["a", 'with "quote'] },
    { path: "items[id=42].score", segments: ["items", { keyName: "id", valueText: "42" }, "score"] },
    { path: 'items[id="a]b"]', segments: ["items", { keyName: "id", valueText: '"a]b"' }] },
  ])("reads $path", ({ path, segments }) => {
    expect(parseConcretePath(path)).toEqual(segments);
  });
});

describe("projectToDifferences", () => {
  it("keeps only the differing paths, dropping ignored and in-tolerance ones", () => {
    const oldOutput = { id: 1, score: 0.1 + 0.2, bucket: "a", at: 111, tags: ["x", "y"] };
    const newOutput = { id: 1, score: 0.3, bucket: "b", at: 222, tags: ["y", "x"] };
    expect(projectToDifferences(oldOutput, newOutput, [at("bucket")])).toEqual({
      old: { bucket: "a" },
      new: { bucket: "b" },
    });
  });

  it("shows array elements by index and keeps added keys on one side only", () => {
    const projected = projectToDifferences({ emb: [1, 2, 3] }, { emb: [1, 2.5, 3], extra: true }, [
      at("emb[1]"),
      { path: "extra", kind: "added" },
    ]);
    expect(projected).toEqual({ old: { emb: { "[1]": 2 } }, new: { emb: { "[1]": 2.5 }, extra: true } });
  });

  it("finds keyed elements by their key field, wherever they sit in the array", () => {
    const oldOutput = {
      rows: [
        { id: 1, x: 1.0000000001 },
        { id: 2, x: 5 },
      ],
    };
    const newOutput = {
      rows: [
        { id: 2, x: 6 },
        { id: 1, x: 1 },
      ],
    };
    expect(projectToDifferences(oldOutput, newOutput, [at("rows[id=2].x")])).toEqual({
      old: { rows: { "[id=2]": { x: 5 } } },
      new: { rows: { "[id=2]": { x: 6 } } },
    });
  });

  it("keeps the whole value for a root difference or a shape change", () => {
    expect(projectToDifferences([1], { a: 1 }, [at("$")])).toEqual({ old: [1], new: { a: 1 } });
    expect(projectToDifferences({ a: [1] }, { a: { x: 1 } }, [at("a.x")])).toEqual({
      old: { a: [1] },
      new: { a: { x: 1 } },
    });
  });
});
