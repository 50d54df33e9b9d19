import { describe, expect, it } from "vitest";
import {
  describeColumn,
  type PostgresCellKind,
  postgresCellJson,
} from "../../../../src/table/postgres/postgres-cells.ts";

describe("postgresCellJson", () => {
  it.each<[PostgresCellKind, string | null, string | null]>([
    ["int", "9007199254740993", "9007199254740993"],
    ["numeric", "12345678901234567890.123", "12345678901234567890.123"],
    ["numeric", "NaN", "NaN"],
    ["float8", "1", "1.0"],
    ["float8", "-0", "-0.0"],
    ["float8", "1e+100", "1e+100"],
    ["float8", "NaN", "NaN"],
    ["float8", "-Infinity", "-Infinity"],
    ["float4", "0.1", "0.10000000149011612"],
    ["float4", "Infinity", "Infinity"],
    ["float4", "-0", "-0.0"],
    ["bool", "t", "true"],
    ["bool", "f", "false"],
    ["timestamp", "2024-01-02 03:04:05.5", '"2024-01-02T03:04:05.500000Z"'],
    ["timestamptz", "2024-01-02 03:04:05+00", '"2024-01-02T03:04:05.000000Z"'],
    ["timestamp", "infinity", '"infinity"'],
    ["json", '{"a": [1, 2.50]}', '{"a": [1, 2.50]}'],
    ["text", 'say "hi"\n', '"say \\"hi\\"\\n"'],
    ["text", null, null],
  ])("writes a %s %j as %j", (kind, text, cell) => {
    expect(postgresCellJson(kind, text)).toBe(cell);
  });
});

describe("describeColumn", () => {
  it.each([
    ["int8", 20, -1, "b", "int"],
    ["numeric(10,0)", 1700, (10 << 16) + 4, "N", "int"],
    ["numeric(10,2)", 1700, (10 << 16) + 2 + 4, "N", "float"],
    ["numeric", 1700, -1, "N", "float"],
    ["float4", 700, -1, "N", "float"],
    ["jsonb", 3802, -1, "U", "object"],
    ["_int4", 1007, -1, "A", "array"],
    ["uuid", 2950, -1, "U", "string"],
  ])("declares %s as %s", (name, oid, modifier, category, declared) => {
    expect(describeColumn("c", oid, modifier, { name, category }).declared).toBe(declared);
  });
});
