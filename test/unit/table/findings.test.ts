// What the table report says when cells agree under the rules: no distribution shift for values
// equal within tolerance, and column types that follow the cells in files that declare none.
import { afterAll, describe, expect, it } from "vitest";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareRule } from "../../../src/compare/types.ts";
import { compareTableFiles } from "../../../src/table/compare-table-files.ts";
import { createTempFiles } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

async function compareJsonl(oldLines: string[], newLines: string[], rules: CompareRule[] = []) {
  return compareTableFiles({
    old: { path: files.write("old.jsonl", `${oldLines.join("\n")}\n`), format: "jsonl" },
    new: { path: files.write("new.jsonl", `${newLines.join("\n")}\n`), format: "jsonl" },
    csvStrings: false,
    comparison: {
      compare: resolveCompareOptions({ rules }),
      match: { by: "key", key: ["id"] },
      columnOrder: false,
      maxExamples: 5,
      memoryLimit: "256MB",
    },
  });
}

const rows = (count: number, value: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `{"id":${i},"v":${value(i)}}`);

describe("table findings under the record rules", () => {
  it("shows no distribution shift for a column equal within tolerance, constant or not", async () => {
    const constant = await compareJsonl(
      rows(20, () => "7"),
      rows(20, () => "7.000000000000001"),
    );
    expect(constant.aggregate.summary.changed).toBe(0);
    expect(constant.table.distribution.filter((entry) => (entry.psi ?? 0) > 0)).toEqual([]);
    const spread = await compareJsonl(
      rows(50, (i) => String(i * 1.5)),
      rows(50, (i) => String(i * 1.5 * (1 + 1e-12))),
    );
    expect(spread.aggregate.summary.changed).toBe(0);
    expect(spread.table.distribution.filter((entry) => (entry.psi ?? 0) > 0)).toEqual([]);
  });

  it("takes 7 against 7.000000000000001 for numbers of one type, and 2 against 2.0 for a type change", async () => {
    const noise = await compareJsonl(
      rows(3, () => "7"),
      rows(3, () => "7.000000000000001"),
    );
    expect(noise.table.schema.typeChanges).toEqual([]);
    expect(noise.schemaChanged).toBe(false);
    const retyped = await compareJsonl(
      rows(3, () => "2"),
      rows(3, () => "2.0"),
    );
    expect(retyped.table.schema.typeChanges).toEqual([{ column: "v", old: "int", new: "float" }]);
    expect(retyped.schemaChanged).toBe(true);
  });

  it("applies numericStrings to the schema check as to the cells", async () => {
    const oldLines = rows(3, (i) => `"${i}.50"`);
    const newLines = rows(3, (i) => `${i}.5`);
    const strict = await compareJsonl(oldLines, newLines);
    expect(strict.table.schema.typeChanges).toEqual([{ column: "v", old: "string", new: "float" }]);
    const numeric = await compareJsonl(oldLines, newLines, [{ path: "v", numericStrings: true }]);
    expect(numeric.aggregate.summary.changed).toBe(0);
    expect(numeric.table.schema.typeChanges).toEqual([]);
    expect(numeric.schemaChanged).toBe(false);
  });

  it("counts a schema-only change as a change of the schema, with no changed rows", async () => {
    const added = await compareJsonl(
      ['{"id":1,"v":1}'],
      ['{"id":1,"v":1,"w":null}'],
      [{ path: "w", nullEqualsMissing: true }],
    );
    expect(added.aggregate.summary.changed).toBe(0);
    expect(added.table.schema.onlyNew).toEqual(["w"]);
    expect(added.schemaChanged).toBe(true);
  });
});
