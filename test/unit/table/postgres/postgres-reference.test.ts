import { describe, expect, it } from "vitest";
import { TwinrunError } from "../../../../src/errors.ts";
import { parsePostgresReference, redactUrl } from "../../../../src/table/postgres/postgres-reference.ts";

describe("parsePostgresReference", () => {
  it.each([
    {
      name: "a table with user, password, host, port and database",
      text: "postgresql://ana:s3cret@db.example:6543/features?table=public.scores",
      connectionString: "postgresql://ana:s3cret@db.example:6543/features",
      display: "postgresql://ana@db.example:6543/features?table=public.scores",
      selection: { table: "public.scores" },
    },
    {
      name: "a query holding & and = of its own, after a connection option",
      text: "postgres://h/db?sslmode=disable&query=SELECT a FROM t WHERE b = 'x&y'",
      connectionString: "postgres://h/db?sslmode=disable",
      display: "postgres://h/db?sslmode=disable&query=SELECT a FROM t WHERE b = 'x&y'",
      selection: { query: "SELECT a FROM t WHERE b = 'x&y'" },
    },
    {
      name: "a password option, kept for the client and never shown",
      text: "postgresql://ana@h/db?password=hidden&table=t",
      connectionString: "postgresql://ana@h/db?password=hidden",
      display: "postgresql://ana@h/db?table=t",
      selection: { table: "t" },
    },
    {
      name: "a URL without host (libpq's defaults and PG* variables fill it)",
      text: "postgresql:///db?table=t",
      connectionString: "postgresql:///db",
      display: "postgresql:///db?table=t",
      selection: { table: "t" },
    },
  ])("reads $name", ({ text, connectionString, display, selection }) => {
    expect(parsePostgresReference(text)).toEqual({ kind: "postgres", connectionString, display, selection });
  });

  it.each([
    [
      "no table or query",
      "postgresql://ana:pw@h/db",
      /^postgresql:\/\/ana@h\/db\?: no table or query given; expected /,
    ],
    ["an empty table", "postgresql://ana:pw@h/db?table=", /^postgresql:\/\/ana@h\/db: the table is empty; /],
    [
      "a port that is no number",
      "postgresql://ana:pw@h:port/db?table=t",
      /^postgresql:\/\/ana@h:port\/db: not a connection URL; /,
    ],
  ])("rejects %s with a usage error that hides the password", (_, text, message) => {
    let error: unknown;
    try {
      parsePostgresReference(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("pw");
  });
});

describe("redactUrl", () => {
  it.each([
    ["postgresql://ana:pw@h/db", "postgresql://ana@h/db"],
    ["postgresql://ana:p%40ss:w@h/db", "postgresql://ana@h/db"],
    ["postgresql://ana:p@ss@h/db", "postgresql://ana@h/db"],
    ["postgresql://ana@h/db", "postgresql://ana@h/db"],
    ["postgresql://h/db", "postgresql://h/db"],
  ])("shows %s as %s", (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});
