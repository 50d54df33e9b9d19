// Declared column types: a Parquet column's type is what the file declares, not what its cells
// happen to hold (an all-null INT64 column is still an int column).
import type { ColumnType } from "../types.ts";

/** Why: maps an engine type name (`BIGINT`, `DECIMAL(10,2)`, `STRUCT(…)`, `INTEGER[]`) to a report column type. */
export function declaredColumnType(type: string): ColumnType {
  if (type.endsWith("]")) return "array";
  if (/^(STRUCT|MAP|UNION|JSON)/.test(type)) return "object";
  const decimal = /^DECIMAL\(\d+,(\d+)\)$/.exec(type);
  if (decimal !== null) return decimal[1] === "0" ? "int" : "float";
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(type)) return "int";
  if (type === "FLOAT" || type === "DOUBLE") return "float";
  if (type === "BOOLEAN") return "bool";
  return "string";
}
