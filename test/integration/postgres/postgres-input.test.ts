// A Postgres table or query as the input source of `twinrun run`: each row one JSON record, typed
// as table cells are; every sampling strategy picks the same inputs as it does from a JSONL file of
// the same records; rows stream through a cursor; the reference never shows its password; errors
// are one line with exit 2 (a wrong reference) or 3 (no database there).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { readPostgresRecords } from "../../../src/inputs/postgres-records.ts";
import { loadSample } from "../../../src/inputs/sample.ts";
import type { SampleRequest, SampleStrategy } from "../../../src/inputs/types.ts";
import { parsePostgresReference } from "../../../src/table/postgres/postgres-reference.ts";
import { makeWorkspace, REPO_ROOT, runCli } from "../../helpers/cli.ts";
import { workerComponent } from "../../helpers/components.ts";
import { runInProcess } from "../../helpers/in-process.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

const REGIONS = ["north", "south", "east", "west", "lux"];
/** 300 customers; `lux` is rare (every 50th), some amounts are NULL, a few names have a diacritic. */
const customers = Array.from({ length: 300 }, (_, i) => ({
  id: i + 1,
  region: i % 50 === 7 ? "lux" : REGIONS[i % 4],
  year: 2020 + (i % 4),
  amount: i % 31 === 0 ? null : (i * 7 + 3) / 4,
  visits: (i % 5) + 1,
  name: i % 37 === 0 ? `Zoë ${i}` : `c${i}`,
}));
/** The same records as a JSONL file writes them (column order, shortest exact floats). */
const customerLines = customers.map((c) =>
  JSON.stringify(c).replace(/"amount":(-?\d+)(,)/, '"amount":$1.0$2'),
);

const STEP_JS = path.join(REPO_ROOT, "test/fixtures/datasets/step.mjs");

describeWithPostgres("Postgres rows as the input source", (server) => {
  let dir: string;
  let cleanup: () => void;
  const shown = () => `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;
  const request = (source: string, overrides: Partial<SampleRequest> = {}): SampleRequest => ({
    path: source,
    size: "all",
    strategy: "all",
    seed: 0,
    csvStrings: false,
    onBadInput: "fail",
    ...overrides,
  });

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({
      "customers.jsonl": `${customerLines.join("\n")}\n`,
      "old.mjs": workerComponent("return { id: record.id, score: (record.amount ?? 0) * record.visits };"),
      // A change on the rare region only: a run that does not cover it would call the pair equivalent.
      "new.mjs": workerComponent(
        'return { id: record.id, score: (record.amount ?? 0) * record.visits + (record.region === "lux" ? 1 : 0) };',
      ),
    }));
    await server().query(
      "CREATE TABLE customers (id int8, region text, year int4, amount float8, visits int2, name text)",
    );
    await server().query(
      "INSERT INTO customers SELECT * FROM json_populate_recordset(NULL::customers, $1::json) ORDER BY id",
      [JSON.stringify(customers)],
    );
    await server().query(`CREATE TABLE typed (id int8, big int8, amount numeric, ratio float8, small float4,
      flag bool, payload jsonb, note json, at timestamptz, day timestamp, name text, tags text[])`);
    await server().query(`INSERT INTO typed VALUES
      (1, 9007199254740993, 12345678901234567890.123456789, 0.1, 0.1, true,
       '{"b":[1,2.50,{"c":null}],"a":"x"}', E'{"k":\\n 1}', '2024-01-02 03:04:05.5+02', '2024-01-02 03:04:05',
       'Zoë "q"', '{a,b}'),
      (2, -9223372036854775808, 'NaN', 'NaN', 'Infinity', false, '[]', 'null', '2024-06-01T00:00:00Z',
       '1999-12-31 23:59:59.123456', '', '{}'),
      (3, NULL, NULL, '-Infinity', '-0', NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
  });
  afterAll(() => cleanup());

  it("reads each row as one JSON record, its cells typed as a table's", async () => {
    const sample = await loadSample(request(`${server().url}?query=SELECT * FROM typed ORDER BY id`));
    expect(sample.records.map((record) => record.text)).toEqual([
      '{"id":1,"big":9007199254740993,"amount":12345678901234567890.123456789,"ratio":0.1,' +
        '"small":0.10000000149011612,"flag":true,"payload":{"a": "x", "b": [1, 2.50, {"c": null}]},' +
        '"note":{"k":  1},"at":"2024-01-02T01:04:05.500000Z","day":"2024-01-02T03:04:05.000000Z",' +
        '"name":"Zoë \\"q\\"","tags":["a", "b"]}',
      '{"id":2,"big":-9223372036854775808,"amount":NaN,"ratio":NaN,"small":Infinity,"flag":false,' +
        '"payload":[],"note":null,"at":"2024-06-01T00:00:00.000000Z","day":"1999-12-31T23:59:59.123456Z",' +
        '"name":"","tags":[]}',
      '{"id":3,"big":null,"amount":null,"ratio":-Infinity,"small":-0.0,"flag":null,"payload":null,' +
        '"note":null,"at":null,"day":null,"name":null,"tags":null}',
    ]);
    expect(sample.identity).toMatchObject({
      source: `${shown()}?query=SELECT * FROM typed ORDER BY id`,
      format: "postgres",
      totalRecords: 3,
    });
  });

  it("names a table's rows by the sha256 of the JSONL file holding the same records", async () => {
    const sample = await loadSample(request(`${server().url}?table=public.customers`));
    expect(sample.records.map((record) => record.text)).toEqual(customerLines);
    const file = readFileSync(path.join(dir, "customers.jsonl"));
    expect(sample.identity.sha256).toBe(createHash("sha256").update(file).digest("hex"));
  });

  it.each<[SampleStrategy, Partial<SampleRequest>]>([
    ["random", { size: 40, seed: 7 }],
    ["first", { size: 25 }],
    ["cover", { size: 30, seed: 3 }],
    ["stratified", { size: 30, seed: 5, stratifyBy: "region" }],
  ])("samples %s the same inputs as from the JSONL file of the same records", async (strategy, options) => {
    const fromFile = await loadSample(request(path.join(dir, "customers.jsonl"), { strategy, ...options }));
    const fromTable = await loadSample(request(`${server().url}?table=customers`, { strategy, ...options }));
    expect(fromTable.records).toEqual(fromFile.records);
    expect(fromTable.identity).toEqual({
      ...fromFile.identity,
      source: `${shown()}?table=customers`,
      format: "postgres",
    });
    expect(fromTable.records.length).toBe(options.size);
  });

  it("streams rows through a cursor: a failure far down comes after the first batches reached the sampler", async () => {
    const reference = parsePostgresReference(
      `${server().url}?query=SELECT g AS id, 10 / (12000 - g) AS x FROM generate_series(1, 20000) AS g`,
    );
    let accepted = 0;
    const sink = {
      accept: () => {
        accepted += 1;
      },
      reject: () => undefined,
    };
    const error = await readPostgresRecords(reference, sink, false, 1000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toBe(
      `input source ${reference.display}: reading the query failed (division by zero)`,
    );
    // 11 batches of 1000 arrived; the 12th holds the failing row.
    expect(accepted).toBe(11_000);
  });

  it("runs a record pair on a table's rows, showing the reference without its password everywhere", async () => {
    const outputs = ["--json", "r.json", "--markdown", "r.md", "--html", "r.html"];
    const args = ["run", "--old", "node old.mjs", "--new", "node new.mjs", "--mode", "worker", "-n", "40"];
    const result = await runCli([...args, "-i", `${server().url}?table=customers`, ...outputs], { cwd: dir });
    expect(result.stderr).not.toContain("Error");
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(read("r.json"));
    expect(report.sample).toMatchObject({ source: `${shown()}?table=customers`, format: "postgres" });
    expect(report.settings.input.path).toBe(`${shown()}?table=customers`);
    // The terminal is 80 columns wide: it names the database and table; Markdown too.
    expect(result.stdout).toContain("input  twinrun?table=customers · cover 40 of 300 records");
    expect(read("r.md")).toContain("`twinrun?table=customers`");
    for (const text of [result.stdout, result.stderr, ...writtenFiles().map(read)]) {
      expect(text).not.toContain(server().password);
    }
    // The same inputs as the JSONL file of the same records give the same report.
    const fromFile = await runInProcess([...args, "-i", "customers.jsonl", "--json", "f.json"], { cwd: dir });
    expect(fromFile.exitCode).toBe(1);
    const fileReport = JSON.parse(read("f.json"));
    expect(report.sample.indices).toEqual(fileReport.sample.indices);
    expect(report.summary).toEqual(fileReport.summary);
    expect(report.summary.changed).toBeGreaterThan(0);
  });

  it("replays a report's inputs from the database, the password from PGPASSWORD", async () => {
    const args = ["run", "--old", "node old.mjs", "--new", "node new.mjs", "--mode", "worker", "-n", "20"];
    const first = await runInProcess([...args, "-i", `${server().url}?table=customers`, "--json", "p.json"], {
      cwd: dir,
    });
    expect(first.exitCode).toBe(1);
    // A spawned process: the client reads PGPASSWORD from its own environment.
    const replay = await runCli(["run", "--replay", "p.json", "--json", "q.json"], {
      cwd: dir,
      env: { PGPASSWORD: server().password },
    });
    expect(replay.stderr).toBe("");
    expect(replay.exitCode).toBe(1);
    expect(JSON.parse(read("q.json")).sample.indices).toEqual(JSON.parse(read("p.json")).sample.indices);
  });

  it("runs dataset mode on a query's rows, written as the JSONL sample both steps read", async () => {
    const step = (variant: string) => `node ${STEP_JS} --in {input} --out {output} --variant ${variant}`;
    const query =
      "SELECT id, region, year, amount, visits FROM customers WHERE amount IS NOT NULL ORDER BY id";
    const result = await runInProcess(
      [
        ...["run", "--old", step("same"), "--new", step("shift"), "--mode", "dataset", "--key", "id"],
        ...["-i", `${server().url}?query=${query}`, "--json", "d.json"],
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(read("d.json"));
    expect(report.dataset.inputFormat).toBe("jsonl");
    expect(report.sample).toMatchObject({ source: `${shown()}?query=${query}`, strategy: "all" });
    expect(report.sample.totalRecords).toBe(customers.filter((c) => c.amount !== null).length);
    expect(
      report.table.columns.find((column: { column: string }) => column.column === "amount_x2").changed,
    ).toBe(report.sample.totalRecords);
  });

  it.each([
    [
      "a missing table",
      () => `${server().url}?table=nope`,
      () =>
        `input source ${shown()}?table=nope: no table "nope" in the database (tables: public.customers, public.typed)`,
    ],
    [
      "a query with a syntax error",
      () => `${server().url}?query=SELEC 1`,
      () =>
        `input source ${shown()}?query=SELEC 1: the query has a syntax error (syntax error at or near "SELEC")`,
    ],
  ])("reports %s in one line with exit 2", async (_, reference, message) => {
    const result = await runCli(
      [
        "run",
        "--old",
        "node old.mjs",
        "--new",
        "node new.mjs",
        "--mode",
        "worker",
        "-i",
        reference(),
        "--no-save",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe(`twinrun: ${message()}`);
    expect(result.exitCode).toBe(2);
  });

  it("reports a database nobody listens on with exit 3", async () => {
    const closed = `postgresql://twinrun:${server().password}@127.0.0.1:1/twinrun?table=customers`;
    const result = await runInProcess(
      [
        "run",
        "--old",
        "node old.mjs",
        "--new",
        "node new.mjs",
        "--mode",
        "worker",
        "-i",
        closed,
        "--no-save",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toMatch(
      /^twinrun: input source postgresql:\/\/twinrun@127\.0\.0\.1:1\/twinrun\?table=customers: could not reach the database \(connect ECONNREFUSED 127\.0\.0\.1:1\)/,
    );
    expect(result.stderr).not.toContain(server().password);
    expect(result.exitCode).toBe(3);
  });

  it("refuses --format with a database reference, whose rows are records already", async () => {
    const result = await runInProcess(
      [
        ...["run", "--old", "node old.mjs", "--new", "node new.mjs", "--mode", "worker"],
        ...["-i", `${server().url}?table=customers`, "--format", "csv", "--no-save"],
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe(
      `twinrun: ${shown()}?table=customers: --format csv (input.format) is for files; a database's rows are records already, so remove it\n`,
    );
    expect(result.exitCode).toBe(2);
  });

  it("refuses to replay on rows that changed since the report, with exit 2", async () => {
    await server().query("CREATE TABLE customers_copy AS SELECT * FROM customers ORDER BY id");
    try {
      const source = `${server().url}?table=customers_copy`;
      const args = ["run", "--old", "node old.mjs", "--new", "node new.mjs", "--mode", "worker", "-n", "10"];
      const first = await runInProcess([...args, "-i", source, "--json", "c.json"], { cwd: dir });
      expect(first.exitCode).toBeLessThan(2);
      await server().query("UPDATE customers_copy SET visits = visits + 1 WHERE id = 300");
      const replay = await runCli(["run", "--replay", "c.json", "--no-save"], {
        cwd: dir,
        env: { PGPASSWORD: server().password },
      });
      expect(replay.stderr).toMatch(
        new RegExp(
          `^twinrun: ${escapeRegExp(`${shown()}?table=customers_copy`)}: the rows changed since the report \\(sha256 was [0-9a-f]{64}, now [0-9a-f]{64}\\), so the report's record indices would select different inputs; `,
        ),
      );
      expect(replay.exitCode).toBe(2);
    } finally {
      await server().query("DROP TABLE customers_copy");
    }
  });

  /** Every file the runs left in the workspace (reports, .twinrun/ included). */
  function writtenFiles(): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  }

  function read(file: string): string {
    return readFileSync(path.join(dir, file), "utf8");
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
