import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReportFile } from "../../../src/report/read-report.ts";
import { renderJsonReport } from "../../../src/reporters/json.ts";
import { makeReport } from "../reporters/report-factory.ts";
import { makeTableRunReport } from "../reporters/table-report-factory.ts";

function writeOld(report: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "twinrun-read-report-"));
  const file = path.join(dir, "report.json");
  writeFileSync(file, JSON.stringify(report));
  return file;
}

/** A report as written before `kind` and `gate.status` existed. */
function legacy(report: ReturnType<typeof makeReport>): object {
  const { kind: _kind, gate, ...rest } = JSON.parse(renderJsonReport(report));
  const { status: _status, ...oldGate } = gate;
  return { ...rest, gate: oldGate };
}

describe("readReportFile", () => {
  it("reads a report without a kind as records, and one holding a table as tables", async () => {
    expect((await readReportFile(writeOld(legacy(makeReport())))).kind).toBe("records");
    expect((await readReportFile(writeOld(legacy(makeTableRunReport())))).kind).toBe("tables");
  });

  it("gives an old interrupted report the incomplete gate, never a pass", async () => {
    const old = legacy(makeReport({ complete: false }));
    const report = await readReportFile(
      writeOld({ ...old, gate: { maxChanged: "0", passed: true, exitCode: 0 } }),
    );
    expect(report.gate).toMatchObject({ status: "incomplete", passed: false, exitCode: 130 });
  });

  it("keeps the kind and status of a current report", async () => {
    const report = await readReportFile(writeOld(JSON.parse(renderJsonReport(makeTableRunReport()))));
    expect(report.kind).toBe("tables");
    expect(report.gate.status).toBe("failed");
  });
});
