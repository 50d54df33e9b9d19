import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { parseLossless } from "../../../src/json/parse.ts";
import { IntegralFloat } from "../../../src/json/values.ts";
import { renderJsonReport, writeJsonReport } from "../../../src/reporters/json.ts";
import { makeChangedReport, makeExample, makeReport } from "./report-factory.ts";

const losslessReport = makeChangedReport({
  examples: [
    makeExample({
      differences: [
        { path: "id", kind: "value", old: 9007199254740993n, new: 9007199254740992n },
        { path: "count", kind: "type", old: 1, new: new IntegralFloat(1) },
        { path: "score", kind: "value", old: Number.NaN, new: Number.NEGATIVE_INFINITY },
      ],
      old: { status: "ok", output: { id: 9007199254740993n, count: 1, score: Number.NaN }, durationMs: 1 },
      new: {
        status: "ok",
        output: { id: 9007199254740992n, count: new IntegralFloat(1), score: Number.NEGATIVE_INFINITY },
        durationMs: 1,
      },
    }),
  ],
});

describe("renderJsonReport", () => {
  it("writes pretty, strict JSON that JSON.parse reads", () => {
    const text = renderJsonReport(makeReport());
    expect(text.startsWith('{\n  "tool": "twinrun",\n  "reportVersion": 1,')).toBe(true);
    expect(JSON.parse(text)).toEqual(makeReport());
  });

  it("keeps big integers exact, 1.0 as 1.0 and NaN/Infinity as strings", () => {
    const text = renderJsonReport(losslessReport);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).toMatch(/"old": 9007199254740993,/);
    expect(text).toMatch(/"new": 9007199254740992\b/);
    expect(text).toMatch(/"new": 1\.0\b/);
    expect(text).toMatch(/"count": 1\.0\b/);
    expect(text).toMatch(/"old": "NaN"/);
    expect(text).toMatch(/"new": "-Infinity"/);
    const parsed = JSON.parse(text);
    expect(parsed.examples[0].differences[2]).toEqual({
      path: "score",
      kind: "value",
      old: "NaN",
      new: "-Infinity",
    });
  });

  it("round-trips through the lossless parser with big integers and integral floats intact", () => {
    const parsed = parseLossless(renderJsonReport(losslessReport)) as unknown as typeof losslessReport;
    const [idDifference, countDifference] = parsed.examples[0].differences;
    expect(idDifference.old).toBe(9007199254740993n);
    expect(idDifference.new).toBe(9007199254740992n);
    expect(countDifference.old).toBe(1);
    expect(countDifference.new).toEqual(new IntegralFloat(1));
    expect(parsed.summary).toEqual(losslessReport.summary);
  });
});

describe("writeJsonReport", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "twinrun-json-report-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("writes the rendered report with a final newline, creating folders", async () => {
    const target = path.join(folder, "out", "report.json");
    await writeJsonReport(losslessReport, target);
    expect(await readFile(target, "utf8")).toBe(`${renderJsonReport(losslessReport)}\n`);
  });

  it("throws a TwinrunError naming the path when it cannot write", async () => {
    const blocker = path.join(folder, "not-a-folder");
    await writeFile(blocker, "x");
    const target = path.join(blocker, "report.json");
    const error = await writeJsonReport(makeReport(), target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toContain(target);
    expect((error as TwinrunError).exitCode).toBe(2);
  });
});
