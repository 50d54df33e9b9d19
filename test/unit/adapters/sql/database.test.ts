// The database of SQL components as --database spells it, its redaction, a query as a reference,
// and the line of a query a server's error position points at.
import { describe, expect, it } from "vitest";
import { lineOf } from "../../../../adapters/sql/check-query.ts";
import { parseDatabase, queryReference, redactDatabase } from "../../../../adapters/sql/database.ts";
import { TwinrunError } from "../../../../src/errors.ts";

describe("parseDatabase", () => {
  it.each([
    ["postgresql://me:pw@db:5432/shop", "postgresql://me:pw@db:5432/shop"],
    ["postgres://db/shop?sslmode=require", "postgres://db/shop?sslmode=require"],
    ["duckdb:warehouse.duckdb", "duckdb:/work/warehouse.duckdb"],
    ["duckdb:/data/w.duckdb", "duckdb:/data/w.duckdb"],
  ])("takes %s", (text, expected) => {
    expect(parseDatabase(text, "--database", "/work")).toBe(expected);
  });

  it.each([
    [
      "mysql://db/shop",
      '--database: "mysql://db/shop": expected postgresql://[user@]host[:port]/database or duckdb:<file.duckdb>',
    ],
    [
      "duckdb:",
      '--database: "duckdb:": expected postgresql://[user@]host[:port]/database or duckdb:<file.duckdb>',
    ],
    [
      "postgresql://me:pw@db/shop?table=t",
      "--database: postgresql://me@db/shop?table=t: the database of SQL components names no table or query (each side's SQL file is its query); expected postgresql://[user@]host[:port]/database or duckdb:<file.duckdb>",
    ],
  ])("rejects %s with a usage error that shows no password", (text, message) => {
    const error = (() => {
      try {
        parseDatabase(text, "--database", "/work");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toBe(message);
    expect((error as TwinrunError).exitCode).toBe(2);
  });
});

describe("redactDatabase", () => {
  it.each([
    ["postgresql://me:s3cret@db:5432/shop", "postgresql://me@db:5432/shop"],
    ["postgresql://me:s3cret@db/shop?sslmode=require&password=x", "postgresql://me@db/shop?sslmode=require"],
    ["duckdb:/data/w.duckdb", "duckdb:/data/w.duckdb"],
  ])("shows %s as %s", (database, shown) => {
    expect(redactDatabase(database)).toBe(shown);
  });
});

describe("queryReference", () => {
  it("names a Postgres query by its file, without the password or the query's text", () => {
    const reference = queryReference("postgresql://me:s3cret@db/shop", "SELECT 1 AS id;\n", "models/a.sql");
    expect(reference).toMatchObject({
      kind: "postgres",
      connectionString: "postgresql://me:s3cret@db/shop",
      display: "postgresql://me@db/shop?sql=models/a.sql",
      selection: { query: "SELECT 1 AS id;\n" },
    });
  });

  it("keeps a query with & and ? whole", () => {
    const query = "SELECT 'a&b?' AS t";
    expect(queryReference("postgresql://db/shop?sslmode=disable", query, "q.sql")).toMatchObject({
      connectionString: "postgresql://db/shop?sslmode=disable",
      display: "postgresql://db/shop?sslmode=disable&sql=q.sql",
      selection: { query },
    });
  });
});

describe("lineOf", () => {
  const prefix = "EXPLAIN (COSTS OFF) ".length;
  const query = "SELECT id,\n       name\nFORM customers";
  it.each([
    [prefix + 1, 1, "SELECT id,"],
    [prefix + query.indexOf("name") + 1, 2, "name"],
    [prefix + query.indexOf("customers") + 1, 3, "FORM customers"],
  ])("puts position %i on line %i", (position, line, text) => {
    expect(lineOf(query, String(position))).toEqual({ number: line, text });
  });

  it("gives no line for a position outside the query or none at all", () => {
    expect(lineOf(query, undefined)).toBeUndefined();
    expect(lineOf(query, "3")).toBeUndefined();
  });
});
