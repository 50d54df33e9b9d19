// The engine's reading of instants (for key columns) against the comparator's, text by text.
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../../src/compare/instants.ts";
import { instantSql } from "../../../../src/table/engine/instant-sql.ts";
import { sqlString } from "../../../../src/table/engine/table-engine.ts";

const TEXTS = [
  "1970-01-01",
  "1970-01-01T00:00:01Z",
  "1970-01-01 00:00:00.000000001",
  "1970-01-01T01:00:00+01:00",
  "1969-12-31T19:00:00-0500",
  "2017-01-01T00:00:00 +0130",
  "2017-01-01T00:00:00+01",
  "2017-01-01 00:00 UTC",
  "2017-01-01T00:00:00,5z",
  "2017-01-01T00:00:00.000000Z",
  "2000-02-29T12:00",
  "2024-02-29",
  "1600-03-01",
  "0000-01-01",
  "0000-03-01T00:00Z",
  "9999-12-31T23:59:59.999999999+23:59",
  " 2017-01-01\n",
  "\u00a02017-01-01",
  "2017-13-01",
  "2017-02-29",
  "1900-02-29",
  "2000-02-30",
  "2017-01-01T24:00:00",
  "2017-01-01T10:00:00+25:00",
  "2017-01-01T00:00:00+01:60",
  "2017-01-01t00:00",
  "20170101",
  "yesterday",
  "",
];

describe("instantSql", () => {
  it("names the instant parseInstant names, or none where it names none", async () => {
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await instance.connect();
    try {
      const values = TEXTS.map((text) => `(${sqlString(text)})`).join(", ");
      const reader = await connection.runAndReadAll(
        `SELECT x, ${instantSql("x")} FROM (VALUES ${values}) t(x)`,
      );
      const engine = reader.getRows().map(([text, nanos]) => [text, nanos]);
      expect(engine).toEqual(TEXTS.map((text) => [text, parseInstant(text)?.toString() ?? null]));
      expect(engine.filter(([, nanos]) => nanos !== null).length).toBe(18);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
