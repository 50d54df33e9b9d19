// SQL over cells, under the same rules as the record readers: what kind of value a cell holds
// (one bit per kind, as column-types.ts), its number, and its part of a row key. CSV cells are
// typed as csv-cell-value.ts types them: only a number as JSON writes it (plus `.5`, `5.`) is a
// number, so `007`, `+5`, ` 7` and `NaN` stay text. A typed column (a declared type kept as it
// is) needs no pattern at all: its kind follows its type.
import { csvKindSql, jsonNumberKindSql } from "./cell-kind-sql.ts";
import { instantSql } from "./instant-sql.ts";
import type { CellEncoding } from "./load-table.ts";
import { typedKind, typedKindSql } from "./typed-cells.ts";

/** How one column's cells are held: a text encoding, or a declared engine type kept as it is. */
export type ColumnEncoding = Exclude<CellEncoding, "typed"> | { typed: string };

/** Why: a typed table keeps some columns typed and the rest as JSON text; each helper needs the column's own. */
export function columnEncoding(
  table: { encoding: CellEncoding; cellTypes?: readonly (string | null)[] },
  index: number,
): ColumnEncoding {
  if (table.encoding !== "typed") return table.encoding;
  const type = table.cellTypes?.[index] ?? null;
  return type === null ? "json" : { typed: type };
}

/** Why: a column's type is the OR of its cells' kinds; 0 for null, absent and NaN (as kindBit). */
export function kindSql(cell: string, encoding: ColumnEncoding): string {
  if (typeof encoding === "object") return typedKindSql(cell, encoding.typed);
  return kindSqlWith(cell, encoding, jsonNumberKindSql(cell));
}

/** kindSql, with the SQL that tells a JSON number's kind (int 1, float 2) given. */
function kindSqlWith(
  cell: string,
  encoding: Exclude<ColumnEncoding, object>,
  jsonNumberKind: string,
): string {
  switch (encoding) {
    case "csv-strings":
      return `(CASE WHEN ${cell} IS NULL THEN 0 ELSE 4 END)`;
    case "csv":
      return csvKindSql(cell);
    case "json":
      return (
        `(CASE WHEN ${cell} IS NULL THEN 0 ELSE CASE ascii(${cell}) WHEN 110 THEN 0 WHEN 78 THEN 0 ` +
        `WHEN 116 THEN 8 WHEN 102 THEN 8 WHEN 34 THEN 4 WHEN 123 THEN 16 WHEN 91 THEN 32 ` +
        `ELSE ${jsonNumberKind} END END)`
      );
  }
}

/** The cell's number as a double (for statistics), NULL when it holds none; `kind` is kindSql's result. */
export function numberSql(cell: string, kind: string): string {
  return `(CASE WHEN ${kind} IN (1, 2) THEN TRY_CAST(${cell} AS DOUBLE) END)`;
}

const NUMBER_BITS = 3;

/**
 * Why: once a side's profile has given a column's kind mask (the OR of its cells' kinds), most
 * columns hold one kind of value besides null, and their cells' kinds follow without matching a
 * pattern per cell: the same answer as kindSql, at a fraction of the cost.
 */
export function knownKindSql(cell: string, encoding: ColumnEncoding, mask: number): string {
  if (typeof encoding === "object") return typedKindSql(cell, encoding.typed);
  const numbers = mask & NUMBER_BITS;
  if (encoding === "csv") {
    if (numbers === 0) return `(CASE WHEN ${cell} IS NULL THEN 0 ELSE 4 END)`;
    if ((mask & ~NUMBER_BITS) !== 0) return kindSql(cell, encoding);
    // A CSV number is a float exactly when it has a point or an exponent.
    const kind =
      numbers === NUMBER_BITS
        ? `CASE WHEN contains(${cell}, '.') OR contains(${cell}, 'e') OR contains(${cell}, 'E') THEN 2 ELSE 1 END`
        : String(numbers);
    return `(CASE WHEN ${cell} IS NULL THEN 0 ELSE ${kind} END)`;
  }
  // A JSON column with one kind of number needs no pattern to tell its numbers' kind.
  if (encoding === "json" && numbers !== NUMBER_BITS)
    return kindSqlWith(cell, encoding, numbers === 2 ? "2" : "1");
  return kindSql(cell, encoding);
}

/** The cell's number as a double, NULL when it holds none, for a column whose kind mask is known. */
export function knownNumberSql(cell: string, encoding: ColumnEncoding, mask: number): string {
  const numbers = mask & NUMBER_BITS;
  if (numbers === 0) return "NULL::DOUBLE";
  if (typeof encoding === "object") {
    const kind = typedKind(encoding.typed);
    if (kind === 1) return `CAST(${cell} AS DOUBLE)`;
    return kind === 2 ? `(CASE WHEN NOT isnan(${cell}) THEN CAST(${cell} AS DOUBLE) END)` : "NULL::DOUBLE";
  }
  // Every cell of a CSV column without other kinds is null or a number.
  if (encoding === "csv" && (mask & ~NUMBER_BITS) === 0) return `TRY_CAST(${cell} AS DOUBLE)`;
  return numberSql(cell, knownKindSql(cell, encoding, mask));
}

/** The cell's text as a string value (JSON strings decoded), for keys; NULL for other kinds. */
export function stringSql(cell: string, encoding: ColumnEncoding): string {
  if (typeof encoding === "object")
    return typedKind(encoding.typed) === 4 ? cell : `CAST(${cell} AS VARCHAR)`;
  return encoding === "json" ? `json_extract_string(${cell}, '$')` : cell;
}

/** How a key column's strings are normalised (the column's trim / caseInsensitive / timestamps rules). */
export interface KeyStringRules {
  trim: boolean;
  caseInsensitive: boolean;
  timestamps: boolean;
}

/**
 * Why: rows pair when their key cells are the same value: numbers by value (`3` pairs with `3.0`
 * and `-0` with `0`; integers exactly, beyond 2^53 too), strings by text (after trim/case rules),
 * or under a timestamps rule by the instant they name, null with null. The kind prefix keeps the
 * string "3" apart from the number 3.
 */
export function keyPartSql(cell: string, encoding: ColumnEncoding, rules: KeyStringRules): string {
  const raw = stringSql(cell, encoding);
  let text = raw;
  if (rules.trim) text = `trim(${text})`;
  if (rules.caseInsensitive) text = `lower(${text})`;
  const stringKey = rules.timestamps
    ? `coalesce('t' || ${instantSql(raw)}, 's' || ${text})`
    : `'s' || ${text}`;
  if (typeof encoding === "object") {
    // The same key texts as the column's JSON text would give (typed-cells.ts keeps those types exact).
    const own = (key: string) => `(CASE WHEN ${cell} IS NULL THEN 'z' ELSE ${key} END)`;
    switch (typedKind(encoding.typed)) {
      case 1:
        return own(`'n' || CAST(${cell} AS VARCHAR)`);
      case 2:
        return own(
          `CASE WHEN isnan(${cell}) THEN 'jNaN' ELSE 'n' || ${integralSql(`CAST(${cell} AS DOUBLE)`)} END`,
        );
      case 4:
        return own(stringKey);
      default:
        return own(`'j' || CASE WHEN ${cell} THEN 'true' ELSE 'false' END`);
    }
  }
  const kind = kindSql(cell, encoding);
  return (
    `(CASE ${kind} WHEN 1 THEN 'n' || coalesce(CAST(TRY_CAST(${cell} AS HUGEINT) AS VARCHAR), ${cell}) ` +
    `WHEN 2 THEN 'n' || ${integralSql(`TRY_CAST(${cell} AS DOUBLE)`)} WHEN 4 THEN ${stringKey} ` +
    `ELSE CASE WHEN ${cell} IS NULL OR ${cell} = 'null' THEN 'z' ELSE 'j' || ${cell} END END)`
  );
}

/** A double's key text: an integral one as its integer (so `3.0` pairs with `3`), else its shortest text. */
function integralSql(number: string): string {
  return (
    `(CASE WHEN isfinite(${number}) AND ${number} = trunc(${number}) AND abs(${number}) < 1e18 ` +
    `THEN CAST(CAST(${number} AS HUGEINT) AS VARCHAR) ELSE CAST(${number} AS VARCHAR) END)`
  );
}
