// fast-check arbitraries for the lossless value model: ints, bigints, IntegralFloats, doubles
// (NaN, ±Infinity, -0 included), strings, and nested objects/arrays. Shared by json and compare tests.
import fc from "fast-check";
import { IntegralFloat, type LosslessValue } from "../../../src/json/values.ts";

/** Any number the lossless parser can produce. */
export const losslessNumber: fc.Arbitrary<LosslessValue> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).chain((magnitude) => fc.constantFrom(magnitude, -magnitude)),
  fc.integer({ min: -1e6, max: 1e6 }).map((value) => new IntegralFloat(value)),
  fc.constant(new IntegralFloat(-0)),
  fc.double().filter((value) => !Number.isInteger(value)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.1, 0.5),
);

/** Short strings, some of them numeric-looking or with odd keys' characters. */
export const losslessString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("", "a b", "NaN", "1.0", "é", "e\u0301", "__proto__"),
);

/** Keys including ones that need quoting in paths. */
export const losslessKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a", "b", "id", "score", "ts", "x y", "a.b", "__proto__"),
  fc.string({ maxLength: 4 }),
);

/** A lossless value nested up to a few levels. */
export const losslessValue: fc.Arbitrary<LosslessValue> = fc.letrec<{ value: LosslessValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "medium", withCrossShrink: true },
    losslessNumber,
    losslessString,
    fc.constantFrom(null, true, false),
    fc.array(tie("value"), { maxLength: 5 }),
    fc
      .uniqueArray(fc.tuple(losslessKey, tie("value")), { maxLength: 5, selector: ([key]) => key })
      .map(toRecord),
  ),
})).value;

/** Builds an object whose `__proto__` key, if any, is an own key (as the parser makes it). */
export function toRecord(entries: ReadonlyArray<readonly [string, LosslessValue]>): {
  [key: string]: LosslessValue;
} {
  const record: { [key: string]: LosslessValue } = {};
  for (const [key, value] of entries) {
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return record;
}
