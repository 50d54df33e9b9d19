// PSI's bins under a tolerance, as plain upper bounds: a value falls in the first bin whose edge it
// is at most, or within the column's tolerance of. Per edge, the values that do form one interval
// (−∞, bound], so the engine compares each value with a few numbers instead of evaluating the
// tolerance per value and edge. The bound is found on the doubles themselves, exactly.

/** The tolerance of a column: equal when |a − b| ≤ max(abs, rel · max(|a|, |b|)). */
export interface BinTolerance {
  abs: number;
  rel: number;
}

/** Why: the largest double that still falls in the edge's bin (Infinity when every value does). */
export function binUpperBound(edge: number, tolerance: BinTolerance): number {
  const inBin = (value: number) =>
    value <= edge ||
    Math.abs(value - edge) <=
      Math.max(tolerance.abs, tolerance.rel * Math.max(Math.abs(value), Math.abs(edge)));
  if (inBin(Number.MAX_VALUE)) return Number.POSITIVE_INFINITY;
  // Binary search over the doubles in order (their order keys): inBin holds at the edge, not at the top.
  let low = orderKey(edge);
  let high = orderKey(Number.MAX_VALUE);
  while (high - low > 1n) {
    const middle = low + (high - low) / 2n;
    if (inBin(fromOrderKey(middle))) low = middle;
    else high = middle;
  }
  return fromOrderKey(low);
}

/** A double as an SQL literal of type DOUBLE, read back as the same double. */
export function doubleSql(value: number): string {
  if (Number.isNaN(value)) return "'NaN'::DOUBLE";
  if (!Number.isFinite(value)) return value > 0 ? "'Infinity'::DOUBLE" : "'-Infinity'::DOUBLE";
  // An exponent makes the literal a DOUBLE (a plain decimal literal would be a DECIMAL first).
  return value.toExponential();
}

const view = new DataView(new ArrayBuffer(8));
const SIGN = 0x7fffffffffffffffn;

/** An integer that orders doubles as their values do (−0 and 0 share one). */
function orderKey(value: number): bigint {
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  return bits >= 0n ? bits : -(bits & SIGN);
}

function fromOrderKey(key: bigint): number {
  view.setBigInt64(0, key >= 0n ? key : -key | ~SIGN);
  return view.getFloat64(0);
}
