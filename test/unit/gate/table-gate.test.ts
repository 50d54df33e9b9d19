import { describe, expect, it } from "vitest";
import { evaluateGate } from "../../../src/gate/gate.ts";
import { evaluateTableGate } from "../../../src/gate/table-gate.ts";
import type { Report } from "../../../src/report/types.ts";
import type { TableReport } from "../../../src/table/types.ts";

function summary(trials: number, changed: number): Report["summary"] {
  return {
    trials,
    same: trials - changed,
    changed,
    failures: { old: 0, new: 0, both: 0 },
    truncatedTrials: 0,
  };
}

function table(overrides: Partial<TableReport> = {}): TableReport {
  return {
    match: { by: "key", key: ["id"] },
    schema: {
      columns: { old: ["id"], new: ["id"] },
      onlyOld: [],
      onlyNew: [],
      typeChanges: [],
      types: { old: {}, new: {} },
    },
    rows: { old: 0, new: 0, matched: 0, onlyOld: 0, onlyNew: 0, onlyOldExamples: [], onlyNewExamples: [] },
    columns: [],
    distribution: [],
    ...overrides,
  };
}

const judge = (rows: Report["summary"], report: TableReport, schemaChanged = false) =>
  evaluateTableGate(evaluateGate(rows, { count: 0 }), rows, report, schemaChanged);

describe("evaluateTableGate", () => {
  it("passes two tables without rows and with the same schema", () => {
    expect(judge(summary(0, 0), table())).toMatchObject({ verdict: "equivalent", passed: true, exitCode: 0 });
  });

  it("fails a schema change even without changed rows", () => {
    expect(judge(summary(0, 0), table(), true)).toMatchObject({
      verdict: "changed",
      passed: false,
      exitCode: 1,
    });
    expect(judge(summary(3, 0), table(), true).reason).toContain("schema changed");
  });

  it("fails a changed column order only when it was asked for", () => {
    const ordered = table({ schema: { ...table().schema, orderChanged: true } });
    expect(judge(summary(2, 0), ordered)).toMatchObject({
      verdict: "changed",
      passed: false,
      reason: "the column order changed (columnOrder)",
    });
    expect(judge(summary(2, 0), table())).toMatchObject({ verdict: "equivalent", passed: true });
  });

  it("fails a PSI above psiMax and names the column", () => {
    const stats = { count: 1, mean: 0, std: 0, min: 0, max: 0, p1: 0, p50: 0, p99: 0 };
    const drifted = table({
      psiMax: 0.1,
      distribution: [
        { column: "score", old: stats, new: stats, psi: 0.31 },
        { column: "age", old: stats, new: stats, psi: 0.02 },
      ],
    });
    expect(judge(summary(5, 0), drifted)).toMatchObject({
      verdict: "changed",
      passed: false,
      exitCode: 1,
      reason: "PSI above 0.1: score (0.310)",
    });
    expect(judge(summary(5, 0), { ...drifted, psiMax: 0.5 })).toMatchObject({ passed: true });
  });

  it("keeps a row-count failure as it was", () => {
    expect(judge(summary(4, 1), table())).toMatchObject({ verdict: "changed", passed: false, exitCode: 1 });
  });
});
