// The instant a text names, in SQL, under exactly the rules of compare/instants.ts: an ISO 8601
// date or date-time (`2017-01-01`, `2017-01-01 00:00:00`, `2017-01-01T00:00:00.000000Z`, an
// offset `+01:00`), no offset meaning UTC, a date alone its midnight, surrounding whitespace
// ignored. The result is the nanoseconds since 1970-01-01T00:00:00Z as text, or NULL when the
// text names no instant, so key cells under a `timestamps` rule pair by instant.

// JavaScript's trim() removes these around a text (whitespace and line terminators).
const SPACE = "[\\t\\n\\x{0B}\\f\\r\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}]*";
const ISO_INSTANT =
  `^${SPACE}([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?` +
  `(?: ?(Z|z|UTC|[+-][0-9]{2}(?::?[0-9]{2})?))?)?${SPACE}$`;
const PARTS = ["y", "mo", "d", "h", "mi", "s", "f", "z"] as const;

/** Why: a key column under a `timestamps` rule pairs `2017-01-01` with a Parquet timestamp at that midnight. */
export function instantSql(text: string): string {
  const match = `regexp_extract(${text}, '${ISO_INSTANT}', [${PARTS.map((part) => `'${part}'`).join(", ")}])`;
  const part = (name: (typeof PARTS)[number]) => `m.${name}`;
  const number = (name: (typeof PARTS)[number]) =>
    `coalesce(TRY_CAST(nullif(${part(name)}, '') AS INTEGER), 0)`;
  const [y, mo, d, h, mi, s] = (["y", "mo", "d", "h", "mi", "s"] as const).map(number);
  const zone = part("z");
  const digits = `replace(substr(${zone}, 2), ':', '')`;
  const offsetHours = `TRY_CAST(substr(${digits}, 1, 2) AS INTEGER)`;
  const offsetMinutes = `coalesce(TRY_CAST(nullif(substr(${digits}, 3), '') AS INTEGER), 0)`;
  const isUtc = `${zone} IN ('', 'Z', 'z', 'UTC')`;
  const offsetSeconds =
    `(CASE WHEN ${isUtc} THEN 0 ELSE (CASE WHEN starts_with(${zone}, '-') THEN -1 ELSE 1 END) * ` +
    `(${offsetHours} * 3600 + ${offsetMinutes} * 60) END)`;
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
  const monthDays = `(CASE WHEN ${mo} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${mo} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
  const valid =
    `${part("y")} <> '' AND ${mo} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${monthDays} AND ${h} <= 23 AND ${mi} <= 59 AND ${s} <= 59 ` +
    `AND (${isUtc} OR (${offsetHours} <= 23 AND ${offsetMinutes} <= 59))`;
  // Days since 1970-01-01 (Howard Hinnant's days_from_civil), on years moved 400 later so every
  // division is of non-negative numbers.
  const shiftedYear = `(${y} - CASE WHEN ${mo} <= 2 THEN 1 ELSE 0 END + 400)`;
  const era = `(${shiftedYear} // 400)`;
  const yearOfEra = `(${shiftedYear} - ${era} * 400)`;
  const dayOfYear = `((153 * (${mo} + CASE WHEN ${mo} > 2 THEN -3 ELSE 9 END) + 2) // 5 + ${d} - 1)`;
  const dayOfEra = `(${yearOfEra} * 365 + ${yearOfEra} // 4 - ${yearOfEra} // 100 + ${dayOfYear})`;
  const days = `(${era} * 146097 + ${dayOfEra} - 719468 - 146097)`;
  const seconds = `(CAST(${days} AS HUGEINT) * 86400 + ${h} * 3600 + ${mi} * 60 + ${s} - ${offsetSeconds})`;
  const nanos = `(${seconds} * 1000000000 + CAST(rpad(${part("f")}, 9, '0') AS HUGEINT))`;
  // The lambda reads the pattern's parts once per cell.
  return `list_transform([${match}], lambda m: CASE WHEN ${valid} THEN CAST(${nanos} AS VARCHAR) END)[1]`;
}
