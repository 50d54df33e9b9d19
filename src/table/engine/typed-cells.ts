// Typed storage: a column a file or database declares as an integer, a float, a boolean or a
// string is kept in the engine as that type instead of JSON text (about half the memory, and no
// round trip through text to type it again). Its kind follows the type; its JSON text — what the
// record comparator and the examples see — is made only for the cells that leave the engine.
// Every other declared type (decimals, timestamps, dates, nested values, …) stays JSON text.

const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
]);
const FLOAT_TYPES = new Set(["FLOAT", "DOUBLE"]);

/** Why: the declared types whose equal values are equal cells and whose kind the type alone gives. */
export function keepsTyped(type: string): boolean {
  return INTEGER_TYPES.has(type) || FLOAT_TYPES.has(type) || type === "BOOLEAN" || type === "VARCHAR";
}

/** The kind bit (column-types.ts) of a typed column's non-null, non-NaN cells: int 1, float 2, string 4, bool 8. */
export function typedKind(type: string): 1 | 2 | 4 | 8 {
  if (INTEGER_TYPES.has(type)) return 1;
  if (FLOAT_TYPES.has(type)) return 2;
  return type === "VARCHAR" ? 4 : 8;
}

/** Why: a typed cell's kind without looking at it: null (and NaN, as kindBit) 0, else the type's. */
export function typedKindSql(cell: string, type: string): string {
  const kind = typedKind(type);
  if (kind === 2) return `(CASE WHEN ${cell} IS NULL OR isnan(${cell}) THEN 0 ELSE 2 END)`;
  return `(CASE WHEN ${cell} IS NULL THEN 0 ELSE ${kind} END)`;
}

/** Why: a typed cell as the JSON text a Parquet value was always written as (NULL for SQL NULL). */
export function typedTextSql(cell: string): string {
  return `to_json(${cell})::VARCHAR`;
}
