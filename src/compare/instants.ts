// Timestamps as instants: under a `timestamps` rule, two strings that read as ISO 8601 dates or
// date-times are equal when they name the same instant, whatever their spelling: `2017-01-01`,
// `2017-01-01 00:00:00`, `2017-01-01T00:00:00.000000Z` (a Parquet timestamp as the table engine
// writes it) and `2017-01-01T01:00:00+01:00` are one instant. A time without an offset is UTC, as
// pandas writes naive timestamps; a date alone is its midnight.

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?(Z|z|UTC|[+-]\d{2}(?::?\d{2})?))?)?$/;

const NANOS_PER_SECOND = 1_000_000_000n;

/** Why: the instant a string names, in nanoseconds since 1970-01-01T00:00:00Z; undefined when it names none. */
export function parseInstant(text: string): bigint | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const offsetSeconds = parseOffsetSeconds(zone);
  if (offsetSeconds === undefined) return undefined;
  const seconds = BigInt(daysFromCivil(y, mo, d)) * 86_400n + BigInt(h * 3600 + mi * 60 + s - offsetSeconds);
  return seconds * NANOS_PER_SECOND + BigInt(fraction.padEnd(9, "0"));
}

function parseOffsetSeconds(zone: string): number | undefined {
  if (zone === "Z" || zone === "z" || zone === "UTC") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 3600 + minutes * 60);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
