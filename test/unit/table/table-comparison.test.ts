import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareOptions } from "../../../src/compare/types.ts";
import { stringifyLossless } from "../../../src/json/stringify.ts";
import { IntegralFloat } from "../../../src/json/values.ts";
import { compareTableFiles } from "../../../src/table/compare-table-files.ts";
import type { TableComparisonOptions } from "../../../src/table/table-comparison.ts";
import type { RowMatch } from "../../../src/table/types.ts";
import { createTempFiles } from "./table-files.ts";

type Row = Record<string, unknown>;

const files = createTempFiles();
afterAll(() => files.remove());

/** The rows as JSONL files (a first line left blank, so row i sits on line i + 2), compared by the engine. */
async function compareRows(
  oldRows: Row[],
  newRows: Row[],
  options: { match?: RowMatch; compare?: Partial<CompareOptions> } & Partial<
    Omit<TableComparisonOptions, "compare" | "match" | "memoryLimit">
  > = {},
) {
  const write = (name: string, rows: Row[]) => {
    return files.write(name, `\n${rows.map((row) => `${stringifyLossless(row)}\n`).join("")}`);
  };
  return compareTableFiles({
    old: { path: write("old.jsonl", oldRows), format: "jsonl" },
    new: { path: write("new.jsonl", newRows), format: "jsonl" },
    csvStrings: false,
    comparison: {
      compare: resolveCompareOptions(options.compare ?? {}),
      match: options.match ?? { by: "key", key: ["id"] },
      columnOrder: options.columnOrder ?? false,
      maxExamples: options.maxExamples ?? 10,
      memoryLimit: "256MB",
      ...(options.psiMax !== undefined && { psiMax: options.psiMax }),
    },
  });
}

const people: Row[] = [
  { id: 1, name: "ada", score: 0.5 },
  { id: 2, name: "bob", score: 1.5 },
  { id: 3, name: "cy", score: 2.5 },
];

describe("table comparison by key", () => {
  it("finds reordered rows equivalent under a key", async () => {
    const { aggregate, table, schemaChanged } = await compareRows(people, [...people].reverse());
    expect(aggregate.summary).toMatchObject({ trials: 3, same: 3, changed: 0 });
    expect(table.rows).toMatchObject({ old: 3, new: 3, matched: 3, onlyOld: 0, onlyNew: 0 });
    expect(schemaChanged).toBe(false);
  });

  it("reports a dropped row as only in old, with its key and line", async () => {
    const { aggregate, table } = await compareRows(people, [people[0], people[2]]);
    expect(table.rows).toMatchObject({ matched: 2, onlyOld: 1, onlyNew: 0 });
    expect(table.rows.onlyOldExamples).toEqual([{ line: 3, key: { id: 2 } }]);
    expect(aggregate.summary.changed).toBe(1);
    expect(aggregate.examples[0]).toMatchObject({
      inputText: "id=2 · old line 3 · not in new",
      new: { status: "absent" },
    });
  });

  it("reports an added column in the schema and on every matched row", async () => {
    const { aggregate, table, schemaChanged } = await compareRows(
      people,
      people.map((row) => ({ ...row, flag: true })),
    );
    expect(table.schema).toMatchObject({ onlyOld: [], onlyNew: ["flag"], typeChanges: [] });
    expect(schemaChanged).toBe(true);
    expect(aggregate.summary.changed).toBe(3);
    expect(table.columns[0]).toMatchObject({ column: "flag", compared: 3, changed: 3 });
  });

  it("reports an int column written as floats as a type change of that column only", async () => {
    const newRows = people.map((row) => ({ ...row, id: new IntegralFloat(row.id as number) }));
    const { table, aggregate } = await compareRows(people, newRows);
    expect(table.rows.matched).toBe(3);
    expect(table.schema.typeChanges).toEqual([{ column: "id", old: "int", new: "float" }]);
    expect(aggregate.paths).toEqual([
      expect.objectContaining({ path: "id", changed: 3, kinds: { type: 3 } }),
    ]);
    expect(table.columns.map((column) => [column.column, column.changed])).toEqual([
      ["id", 3],
      ["name", 0],
      ["score", 0],
    ]);
  });

  it("reports a number column that became text, and a column that became all nulls", async () => {
    const newRows = people.map((row) => ({ ...row, score: String(row.score), name: null }));
    const { table } = await compareRows(people, newRows);
    expect(table.schema.typeChanges).toEqual([
      { column: "name", old: "string", new: "null" },
      { column: "score", old: "float", new: "string" },
    ]);
    expect(table.columns.find((column) => column.column === "name")).toMatchObject({
      changed: 3,
      nullChanges: { toNull: 3, fromNull: 0 },
    });
  });

  it("matches composite keys", async () => {
    const oldRows = [
      { region: "n", year: 2021, sales: 1 },
      { region: "n", year: 2022, sales: 2 },
      { region: "s", year: 2021, sales: 3 },
    ];
    const newRows = [oldRows[2], { ...oldRows[1], sales: 5 }, oldRows[0]];
    const { aggregate, table } = await compareRows(oldRows, newRows, {
      match: { by: "key", key: ["region", "year"] },
    });
    expect(table.rows.matched).toBe(3);
    expect(aggregate.summary.changed).toBe(1);
    expect(aggregate.examples[0].inputText).toBe('region="n", year=2022 · old line 3 · new line 3');
    expect(table.columns[0]).toMatchObject({ column: "sales", changed: 1, maxAbs: 3, meanAbs: 1 });
  });

  it("reports duplicate keys on each side and pairs them in file order without collapsing", async () => {
    const oldRows = [
      { id: 1, v: "a" },
      { id: 1, v: "b" },
      { id: 2, v: "c" },
    ];
    const newRows = [
      { id: 1, v: "a" },
      { id: 2, v: "c" },
      { id: 2, v: "d" },
      { id: 2, v: "e" },
    ];
    const { table, aggregate } = await compareRows(oldRows, newRows);
    expect(table.rows.duplicates?.old).toEqual({
      keys: 1,
      extraRows: 1,
      examples: [{ key: { id: 1 }, lines: [2, 3] }],
    });
    expect(table.rows.duplicates?.new).toEqual({
      keys: 1,
      extraRows: 2,
      examples: [{ key: { id: 2 }, lines: [3, 4, 5] }],
    });
    expect(table.rows).toMatchObject({ matched: 2, onlyOld: 1, onlyNew: 2 });
    expect(aggregate.summary).toMatchObject({ trials: 5, same: 2, changed: 3 });
  });

  it("pairs 3 and 3.0 as one key and reports the spelling as a type difference", async () => {
    const { table } = await compareRows([{ id: 3, v: 1 }], [{ id: new IntegralFloat(3), v: 1 }]);
    expect(table.rows.matched).toBe(1);
    expect(table.schema.typeChanges).toEqual([{ column: "id", old: "int", new: "float" }]);
  });

  it("names the file and line of a row without the key column, and a table without it", async () => {
    await expect(compareRows(people, [{ id: 1, name: "x" }, { name: "x" }])).rejects.toThrow(
      'new.jsonl:3: the row has no key column "id" (--key id)',
    );
    await expect(compareRows(people, [{ name: "x" }])).rejects.toThrow(
      'new.jsonl: the table has no key column "id" (--key id); its columns are "name"',
    );
  });
});

describe("numbers the engine's JSON reader would round", () => {
  const writeLines = (name: string, lines: string[]) => files.write(name, `${lines.join("\n")}\n`);
  const compareLines = (oldLines: string[], newLines: string[], compare: Partial<CompareOptions>) =>
    compareTableFiles({
      old: { path: writeLines("old-raw.jsonl", oldLines), format: "jsonl" },
      new: { path: writeLines("new-raw.jsonl", newLines), format: "jsonl" },
      csvStrings: false,
      comparison: {
        compare: resolveCompareOptions(compare),
        match: { by: "key", key: ["id"] },
        columnOrder: false,
        maxExamples: 10,
        memoryLimit: "256MB",
      },
    });

  it("finds -0 against 0 under signedZero, and shows the row as written", async () => {
    const { aggregate } = await compareLines(['{"id":1,"v":0}'], ['{"id":1,"v":-0}'], { signedZero: true });
    expect(aggregate.paths).toEqual([expect.objectContaining({ path: "v", kinds: { value: 1 } })]);
    expect(stringifyLossless(aggregate.examples[0].new)).toContain('"v":-0');
  });

  it("finds decimals a double cannot hold when compared exactly", async () => {
    const { aggregate } = await compareLines(
      ['{"id":1,"a":0.1,"b":1e-400,"c":[123456789.123456789]}', '{"id":2,"a":1}'],
      ['{"id":1,"a":0.1000000000000000000001,"b":0.0,"c":[123456789.12345679]}', '{"id":2,"a":1}'],
      { tolerance: { abs: 0, rel: 0 } },
    );
    expect(aggregate.paths.map((stats) => stats.path).sort()).toEqual(["a", "b", "c[*]"]);
    expect(aggregate.summary).toMatchObject({ trials: 2, changed: 1 });
  });
});

describe("columns of huge numbers", () => {
  it("gives their distribution instead of failing on the variance", async () => {
    const rows = [1e300, -1e300, 5e307].map((x, id) => ({ id, x }));
    const { table } = await compareRows(rows, rows);
    const x = table.distribution.find((stats) => stats.column === "x");
    expect(x?.old.std).toBeGreaterThan(1e300);
    expect(x?.psi).toBe(0);
  });
});

describe("examples", () => {
  it("shows each kind of change before repeats of one, in row order", async () => {
    const oldRows = Array.from({ length: 10 }, (_, id) => ({ id, n: id, s: "x" }));
    const newRows = oldRows
      .filter((row) => row.id !== 9)
      .map((row) => ({ ...row, n: new IntegralFloat(row.n), s: row.id === 7 ? "y" : "x" }));
    const { aggregate } = await compareRows(oldRows, newRows, { maxExamples: 3 });
    expect(aggregate.examples.map((example) => example.inputText)).toEqual([
      "id=0 · old line 2 · new line 2",
      "id=7 · old line 9 · new line 9",
      "id=9 · old line 11 · not in new",
    ]);
  });
});

describe("table comparison by position", () => {
  it("pairs row i with row i and reports the extra rows of the longer table", async () => {
    const { table, aggregate } = await compareRows(people, [people[0], { ...people[1], name: "BOB" }], {
      match: { by: "position" },
    });
    expect(table.rows).toMatchObject({ matched: 2, onlyOld: 1, onlyNew: 0, onlyOldExamples: [{ line: 4 }] });
    expect(table.rows.duplicates).toBeUndefined();
    expect(aggregate.examples.map((example) => example.inputText)).toEqual([
      "row 1 · old line 3 · new line 3",
      "row 2 · old line 4 · not in new",
    ]);
  });
});

describe("per-column statistics", () => {
  it("counts in-tolerance noise in max/mean abs but not as changed rows", async () => {
    const newRows = people.map((row) => ({ ...row, score: (row.score as number) * (1 + 1e-12) }));
    const { table, aggregate } = await compareRows(people, newRows);
    expect(aggregate.summary.changed).toBe(0);
    const score = table.columns.find((column) => column.column === "score");
    expect(score?.changed).toBe(0);
    expect(score?.maxRel).toBeGreaterThan(0);
    expect(score?.maxRel).toBeLessThan(2e-12);
  });

  it("applies per-column tolerance rules and ignore rules by column name", async () => {
    const newRows = people.map((row) => ({ ...row, score: (row.score as number) + 0.01, name: "changed" }));
    const { table, aggregate } = await compareRows(people, newRows, {
      compare: {
        rules: [
          { path: "score", tolerance: { abs: 0.1 } },
          { path: "name", ignore: true },
        ],
      },
    });
    expect(aggregate.summary.changed).toBe(0);
    expect(table.columns.find((column) => column.column === "name")).toMatchObject({
      changed: 0,
      ignored: true,
    });
  });

  it("counts nulls per side and null↔value changes", async () => {
    const oldRows = [
      { id: 1, x: null },
      { id: 2, x: 5 },
      { id: 3, x: Number.NaN },
    ];
    const newRows = [
      { id: 1, x: 4 },
      { id: 2, x: null },
      { id: 3, x: null },
    ];
    const { table } = await compareRows(oldRows, newRows);
    expect(table.columns.find((column) => column.column === "x")).toMatchObject({
      nulls: { old: 2, new: 2 },
      nullChanges: { toNull: 1, fromNull: 1 },
    });
  });

  it("reports a changed column order only when asked", async () => {
    const swapped = people.map((row) => ({ score: row.score, name: row.name, id: row.id }));
    expect((await compareRows(people, swapped)).table.schema.orderChanged).toBeUndefined();
    const asked = await compareRows(people, swapped, { columnOrder: true });
    expect(asked.table.schema.orderChanged).toBe(true);
    expect(asked.schemaChanged).toBe(false);
  });
});

describe("distribution view", () => {
  const values = (count: number, shift: number) =>
    Array.from({ length: count }, (_, i) => ({ id: i, x: (i % 100) + shift }));

  it("gives a PSI near 0 for the same distribution and a large one for a shifted one", async () => {
    const same = (await compareRows(values(1000, 0), values(1000, 0))).table.distribution[1];
    expect(same).toMatchObject({ column: "x", psi: 0 });
    expect(same.old).toMatchObject({ count: 1000, min: 0, max: 99, p50: 49.5 });
    const shifted = (await compareRows(values(1000, 0), values(1000, 40))).table.distribution[1];
    expect(shifted.psi).toBeGreaterThan(0.25);
    expect(shifted.new.mean).toBeCloseTo(shifted.old.mean + 40, 9);
  });

  it("keeps PSI's bins: the old side's deciles as edges and each side's rows per bin", async () => {
    const shifted = (await compareRows(values(1000, 0), values(1000, 40))).table.distribution[1];
    expect(shifted.bins?.edges).toHaveLength(9);
    expect(shifted.bins?.old).toEqual(Array(10).fill(100));
    // Values 40…139: none at or below the old 10% decile (9.9), 500 beyond the old 90% decile (89.1).
    expect(shifted.bins?.new[0]).toBe(0);
    expect(shifted.bins?.new[9]).toBe(500);
    expect(shifted.bins?.new.reduce((sum, count) => sum + count, 0)).toBe(1000);
  });

  it("counts each text column's top values on both sides, most frequent first", async () => {
    const rows = (renamed: string) =>
      Array.from({ length: 30 }, (_, id) => ({
        id,
        plan: id % 3 === 0 ? "pro" : id % 3 === 1 ? "free" : renamed,
      }));
    const { table } = await compareRows(rows("team"), rows("business"));
    expect(table.categories).toEqual([
      {
        column: "plan",
        distinct: 4,
        totals: { old: 30, new: 30 },
        values: [
          { value: "business", old: 0, new: 10 },
          { value: "free", old: 10, new: 10 },
          { value: "pro", old: 10, new: 10 },
          { value: "team", old: 10, new: 0 },
        ],
      },
    ]);
  });

  it("leaves non-numeric columns out", async () => {
    expect((await compareRows(people, people)).table.distribution.map((stats) => stats.column)).toEqual([
      "id",
      "score",
    ]);
  });
});

describe("laws", () => {
  it("any shuffle of the new rows is equivalent under a key", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }),
        fc.integer(),
        async (ids, seed) => {
          const rows = ids.map((id) => ({ id, v: id * 0.5, s: `r${id}` }));
          const shuffled = [...rows].sort((a, b) => ((a.id * 31 + seed) % 97) - ((b.id * 31 + seed) % 97));
          const { aggregate, table } = await compareRows(rows, shuffled);
          return aggregate.summary.changed === 0 && table.rows.matched === rows.length;
        },
      ),
      { numRuns: 15 },
    );
  });

  it("a changed value in any row is always found, by key and by position", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.double({ min: 1, max: 1e6 }),
        async (count, pick, delta) => {
          const rows = Array.from({ length: count }, (_, i) => ({ id: i, v: i * 1.25 }));
          const changedRow = pick % count;
          const newRows = rows.map((row) => (row.id === changedRow ? { ...row, v: row.v + delta } : row));
          const byKey = await compareRows(rows, newRows);
          const byPosition = await compareRows(rows, newRows, { match: { by: "position" } });
          return byKey.aggregate.summary.changed === 1 && byPosition.aggregate.summary.changed === 1;
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("files of two formats", () => {
  it("finds a CSV cell and a JSON value written alike but of other kinds changed (true, null), numbers equal", async () => {
    const { aggregate, table } = await compareTableFiles({
      old: { path: files.write("mixed.csv", "id,flag,label,n\n1,true,null,1.0\n2,x,y,2\n"), format: "csv" },
      new: {
        path: files.write(
          "mixed.jsonl",
          '{"id":1,"flag":true,"label":null,"n":1.0}\n{"id":2,"flag":"x","label":"y","n":2}\n',
        ),
        format: "jsonl",
      },
      csvStrings: false,
      comparison: {
        compare: resolveCompareOptions({}),
        match: { by: "key", key: ["id"] },
        columnOrder: false,
        maxExamples: 10,
        memoryLimit: "256MB",
      },
    });
    expect(aggregate.summary).toMatchObject({ trials: 2, changed: 1 });
    const changed = Object.fromEntries(table.columns.map((stats) => [stats.column, stats.changed]));
    expect(changed).toEqual({ id: 0, flag: 1, label: 1, n: 0 });
    expect(aggregate.examples[0].differences).toEqual([
      expect.objectContaining({ path: "flag", kind: "type", old: "true", new: true }),
      expect.objectContaining({ path: "label", kind: "type", old: "null", new: null }),
    ]);
  });
});
