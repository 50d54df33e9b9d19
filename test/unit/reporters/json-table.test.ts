import { describe, expect, it } from "vitest";
import { parseLossless } from "../../../src/json/parse.ts";
import { IntegralFloat } from "../../../src/json/values.ts";
import type { Report } from "../../../src/report/types.ts";
import { renderJsonReport } from "../../../src/reporters/json.ts";
import {
  makeDatasetReport,
  makeDistribution,
  makeNumericSummary,
  makeRowExample,
  makeTableRunReport,
} from "./table-report-factory.ts";

const bigKey = 9007199254740993n;

const report = makeTableRunReport(
  {
    rows: {
      onlyOld: 1,
      onlyOldExamples: [{ line: 41, key: { id: bigKey } }],
      duplicates: {
        old: { keys: 1, extraRows: 1, examples: [{ key: { id: new IntegralFloat(7) }, lines: [4, 9] }] },
        new: { keys: 0, extraRows: 0, examples: [] },
      },
    },
    distribution: [makeDistribution({ psi: null, new: makeNumericSummary({ std: Number.NaN }) })],
    psiMax: 0.2,
  },
  {
    dataset: makeDatasetReport({ keptTemp: "/tmp/twinrun-3fa1" }),
    examples: [
      makeRowExample({
        differences: [{ path: "id", kind: "type", old: bigKey, new: new IntegralFloat(5) }],
        old: { status: "ok", output: { id: bigKey }, durationMs: 0 },
        new: { status: "ok", output: { id: new IntegralFloat(5) }, durationMs: 0 },
      }),
    ],
  },
);

describe("renderJsonReport: table comparisons", () => {
  it("writes strict JSON with the table, its lossless keys and NaN statistics as strings", () => {
    const text = renderJsonReport(report);
    const parsed = JSON.parse(text) as Report;
    expect(parsed.table?.match).toEqual({ by: "key", key: ["id"] });
    expect(parsed.table?.distribution[0].psi).toBeNull();
    expect(parsed.table?.distribution[0].new.std).toBe("NaN");
    expect(parsed.table?.psiMax).toBe(0.2);
    expect(parsed.dataset).toEqual(makeDatasetReport({ keptTemp: "/tmp/twinrun-3fa1" }));
    expect(text).toContain('"id": 9007199254740993\n');
    expect(text).toContain('"id": 7.0\n');
  });

  it("round-trips through the lossless parser with big integer keys and integral floats intact", () => {
    const parsed = parseLossless(renderJsonReport(report)) as unknown as Report;
    expect(parsed.table?.rows.onlyOldExamples).toEqual([{ line: 41, key: { id: bigKey } }]);
    expect(parsed.table?.rows.duplicates?.old.examples[0].key.id).toEqual(new IntegralFloat(7));
    expect(parsed.examples[0].old.output).toEqual({ id: bigKey });
    expect(parsed.examples[0].new.output).toEqual({ id: new IntegralFloat(5) });
    expect(parsed.table?.columns).toEqual(report.table?.columns);
    expect(parsed.table?.schema).toEqual(report.table?.schema);
  });
});
