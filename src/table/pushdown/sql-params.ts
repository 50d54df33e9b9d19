// Bind parameters for one generated statement: every value the SQL needs (tolerances, bounds,
// limits, row positions) goes in as a parameter, never as pasted text.

/** Why: builders ask for a placeholder per value; the statement and its values stay in step. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder for a value, cast to the SQL type given (e.g. `float8`, `bigint[]`). */
  bind(value: unknown, type: string): string {
    this.values.push(typeof value === "number" && !Number.isFinite(value) ? String(value) : value);
    return `$${this.values.length}::${type}`;
  }
}
