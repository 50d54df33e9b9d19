import { describe, expect, it } from "vitest";
import { type CompareCase, compare, expectCase, json } from "./compare-case.ts";

const tol = (tolerance: { abs?: number; rel?: number; ulps?: number; sig?: number }) => [
  { path: "$", tolerance },
];

describe("comparing numbers", () => {
  const cases: CompareCase[] = [
    { name: "identical floats are equal", oldValue: 0.1, newValue: 0.1, expected: [] },
    {
      name: "float noise within the default rel 1e-9 is equal",
      oldValue: 1.0000000001,
      newValue: 1.0000000002,
      expected: [],
    },
    {
      name: "a change beyond the default rel is a value change",
      oldValue: 1.1,
      newValue: 1.2,
      expected: ["value $"],
    },
    { name: "near zero the default abs 1e-12 applies", oldValue: 0.5e-12, newValue: 1.4e-12, expected: [] },
    {
      name: "near zero beyond abs 1e-12 is a change",
      oldValue: 0.5e-12,
      newValue: 1.6e-12,
      expected: ["value $"],
    },
    {
      name: "just inside an abs tolerance is equal",
      oldValue: 1.5,
      newValue: 1.5 + 0.0099,
      rules: tol({ abs: 0.01, rel: 0 }),
      expected: [],
    },
    {
      name: "just outside an abs tolerance is a change",
      oldValue: 1.5,
      newValue: 1.5 + 0.0101,
      rules: tol({ abs: 0.01, rel: 0 }),
      expected: ["value $"],
    },
    {
      name: "just inside a rel tolerance is equal",
      oldValue: 100,
      newValue: 100.99,
      rules: tol({ rel: 0.01, abs: 0 }),
      expected: [],
    },
    {
      name: "just outside a rel tolerance is a change",
      oldValue: 100.5,
      newValue: 101.6,
      rules: tol({ rel: 0.01, abs: 0 }),
      expected: ["value $"],
    },
    {
      name: "rel scales by the larger magnitude (old side larger)",
      oldValue: 1.0,
      newValue: 0.9,
      rules: tol({ rel: 0.1, abs: 0 }),
      expected: [],
    },
    {
      name: "rel scales by the larger magnitude (new side larger)",
      oldValue: 0.9,
      newValue: 1.0,
      rules: tol({ rel: 0.1, abs: 0 }),
      expected: [],
    },
    {
      name: "numbers that agree to 6 significant digits are equal under sig 6",
      oldValue: 1234.561,
      newValue: 1234.564,
      rules: tol({ abs: 0, rel: 0, sig: 6 }),
      expected: [],
    },
    {
      name: "numbers that differ in the 6th significant digit are a change under sig 6",
      oldValue: 1234.56,
      newValue: 1234.58,
      rules: tol({ abs: 0, rel: 0, sig: 6 }),
      expected: ["value $"],
    },
    {
      name: "sig scales with the magnitude: 1.23456e-20 vs 1.23458e-20 agree to 5 digits, not 6",
      oldValue: 1.23456e-20,
      newValue: 1.23458e-20,
      rules: tol({ abs: 0, rel: 0, sig: 5 }),
      expected: [],
    },
    {
      name: "sig 6 tells 1.23456e-20 from 1.23458e-20",
      oldValue: 1.23456e-20,
      newValue: 1.23458e-20,
      rules: tol({ abs: 0, rel: 0, sig: 6 }),
      expected: ["value $"],
    },
    {
      name: "a sig rule gives integers a tolerance too",
      oldValue: 1234567,
      newValue: 1234568,
      rules: tol({ sig: 6 }),
      expected: [],
    },
    {
      name: "under sig, 0 agrees only with 0",
      oldValue: 0,
      newValue: 1e-300,
      rules: tol({ abs: 0, rel: 0, sig: 2 }),
      expected: ["value $"],
    },
    {
      name: "under sig, Infinity still equals only Infinity",
      oldValue: Number.POSITIVE_INFINITY,
      newValue: 1e308,
      rules: tol({ sig: 1 }),
      expected: ["value $"],
    },
    {
      name: "within 2 ulps is equal when ulps is 2",
      oldValue: 1,
      newValue: 1 + 2 * Number.EPSILON,
      rules: tol({ abs: 0, rel: 0, ulps: 2 }),
      expected: [],
    },
    {
      name: "3 ulps apart is a change when ulps is 2",
      oldValue: 0.5,
      newValue: 0.5 + 3 * (Number.EPSILON / 2),
      rules: tol({ abs: 0, rel: 0, ulps: 2 }),
      expected: ["value $"],
    },
    {
      name: "ulps count across zero",
      oldValue: -Number.MIN_VALUE,
      newValue: Number.MIN_VALUE,
      rules: tol({ abs: 0, rel: 0, ulps: 2 }),
      expected: [],
    },
    { name: "NaN equals NaN by default", oldValue: Number.NaN, newValue: Number.NaN, expected: [] },
    {
      name: "NaN differs from NaN under nan: unequal",
      oldValue: Number.NaN,
      newValue: Number.NaN,
      options: { nan: "unequal" },
      expected: ["value $"],
    },
    { name: "NaN differs from a number", oldValue: Number.NaN, newValue: 1.5, expected: ["value $"] },
    {
      name: "+Infinity equals +Infinity",
      oldValue: Number.POSITIVE_INFINITY,
      newValue: Number.POSITIVE_INFINITY,
      expected: [],
    },
    {
      name: "+Infinity differs from -Infinity",
      oldValue: Number.POSITIVE_INFINITY,
      newValue: Number.NEGATIVE_INFINITY,
      expected: ["value $"],
    },
    {
      name: "+Infinity differs from the largest double even under a huge tolerance",
      oldValue: Number.POSITIVE_INFINITY,
      newValue: Number.MAX_VALUE,
      rules: tol({ rel: 1 }),
      expected: ["value $"],
    },
    { name: "-0 equals 0 by default", oldValue: -0, newValue: 0, expected: [] },
    {
      name: "-0 differs from 0 under signedZero",
      oldValue: -0,
      newValue: 0,
      options: { signedZero: true },
      expected: ["value $"],
    },
    {
      name: "-0.0 differs from 0.0 under signedZero",
      oldValue: json("-0.0"),
      newValue: json("0.0"),
      options: { signedZero: true },
      expected: ["value $"],
    },
    {
      name: "two integers compare exactly (not under rel 1e-9)",
      oldValue: 1_000_000_000_000,
      newValue: 1_000_000_000_001,
      expected: ["value $"],
    },
    { name: "equal integers are equal", oldValue: 42, newValue: 42, expected: [] },
    {
      name: "two integers compare under a rule's tolerance",
      oldValue: 1000,
      newValue: 1001,
      rules: tol({ rel: 0.01 }),
      expected: [],
    },
    {
      name: "two integers beyond a rule's tolerance differ",
      oldValue: 1000,
      newValue: 1011,
      rules: tol({ rel: 0.01 }),
      expected: ["value $"],
    },
    {
      name: "bigints beyond 2^53 compare exactly",
      oldValue: json("9007199254740993"),
      newValue: json("9007199254740992"),
      expected: ["value $"],
    },
    {
      name: "equal bigints are equal",
      oldValue: json("12345678901234567890"),
      newValue: json("12345678901234567890"),
      expected: [],
    },
    {
      name: "a bigint equals the same integer as a plain number",
      oldValue: 2n ** 60n,
      newValue: 2 ** 60,
      expected: [],
    },
    {
      name: "a bigint and a different plain integer differ exactly",
      oldValue: 2n ** 60n + 1n,
      newValue: 2 ** 60,
      expected: ["value $"],
    },
    {
      name: "bigints compare under a rule's tolerance",
      oldValue: 10n ** 20n,
      newValue: 10n ** 20n + 5n,
      rules: tol({ rel: 1e-15 }),
      expected: [],
    },
    {
      name: "an int that became an integral float is a type change",
      oldValue: json("1"),
      newValue: json("1.0"),
      expected: ["type $"],
    },
    {
      name: "an integral float that became an int is a type change",
      oldValue: json("3.0"),
      newValue: json("3"),
      expected: ["type $"],
    },
    {
      name: "a bigint against an integral float is a type change",
      oldValue: json("9007199254740993"),
      newValue: json("9007199254740993.0"),
      expected: ["type $"],
    },
    {
      name: "int vs integral float is equal under numberTypes loose",
      oldValue: json("1"),
      newValue: json("1.0"),
      options: { numberTypes: "loose" },
      expected: [],
    },
    {
      name: "int vs a different integral float differs under loose",
      oldValue: json("1"),
      newValue: json("2.0"),
      options: { numberTypes: "loose" },
      expected: ["value $"],
    },
    {
      name: "a bigint vs an integral float is exact under loose",
      oldValue: json("9007199254740993"),
      newValue: json("9007199254740992.0"),
      options: { numberTypes: "loose" },
      rules: tol({ abs: 0, rel: 0 }),
      expected: ["value $"],
    },
    {
      name: "an int vs a non-integral float compares as numbers",
      oldValue: json("7"),
      newValue: json("7.000000000000001"),
      expected: [],
    },
    {
      name: "an int vs a clearly different float is a value change",
      oldValue: json("7"),
      newValue: json("7.5"),
      expected: ["value $"],
    },
    {
      name: "integral floats compare under float tolerance",
      oldValue: json("1e15"),
      newValue: json("1.0000000001e15"),
      expected: [],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));

  it("is symmetric like math.isclose, not like numpy.isclose", () => {
    // numpy.isclose(a, b) scales by |b| only, so it says yes one way and no the other here.
    const rules = tol({ rel: 0.1, abs: 0 });
    expect(compare(1.0, 0.9, rules).differences).toEqual([]);
    expect(compare(0.9, 1.0, rules).differences).toEqual([]);
    expect(compare(1.0, 0.899, rules).differences).toHaveLength(1);
    expect(compare(0.899, 1.0, rules).differences).toHaveLength(1);
  });

  it("reports abs and rel for a value change", () => {
    const [difference] = compare({ x: 2.0 + 1e-3 }, { x: 2.5 }).differences;
    expect(difference).toMatchObject({ path: "x", kind: "value", old: 2.001, new: 2.5 });
    expect(difference.abs).toBeCloseTo(0.499, 12);
    expect(difference.rel).toBeCloseTo(0.499 / 2.5, 12);
  });

  it("reports exact abs for bigints", () => {
    const [difference] = compare(json("9007199254740993"), json("9007199254741000")).differences;
    expect(difference.abs).toBe(7);
  });

  it("leaves abs and rel out when they are not finite", () => {
    const [difference] = compare(Number.NaN, 1).differences;
    expect(difference).toEqual({ path: "$", kind: "value", old: Number.NaN, new: 1 });
  });

  it("reports no abs or rel for a type change", () => {
    expect(compare(json("1"), json("1.0")).differences[0]).toEqual({
      path: "$",
      kind: "type",
      old: 1,
      new: json("1.0"),
    });
  });
});

describe("comparing numbers a double cannot hold", () => {
  const exact = tol({ abs: 0, rel: 0 });
  const cases: CompareCase[] = [
    {
      name: "1e400 vs 2e400 differ (not two Infinities)",
      oldValue: json("1e400"),
      newValue: json("2e400"),
      expected: ["value $"],
    },
    { name: "1e400 equals 1e400", oldValue: json("1e400"), newValue: json("1e400"), expected: [] },
    {
      name: "1e400 equals 10e399 (the same value spelt otherwise)",
      oldValue: json("1e400"),
      newValue: json("10e399"),
      rules: exact,
      expected: [],
    },
    {
      name: "-1e400 vs 1e400 differ",
      oldValue: json("-1e400"),
      newValue: json("1e400"),
      expected: ["value $"],
    },
    {
      name: "1e400 is not Infinity",
      oldValue: json("1e400"),
      newValue: json("Infinity"),
      expected: ["value $"],
    },
    {
      name: "1e400 vs the 401-digit integer is an int/float type change",
      oldValue: json("1e400"),
      newValue: json(`1${"0".repeat(400)}`),
      expected: ["type $"],
    },
    {
      name: "1e-400 vs 2e-400 are within the default abs",
      oldValue: json("1e-400"),
      newValue: json("2e-400"),
      expected: [],
    },
    {
      name: "1e-400 vs 2e-400 differ without tolerance",
      oldValue: json("1e-400"),
      newValue: json("2e-400"),
      rules: exact,
      expected: ["value $"],
    },
    {
      name: "1e-400 is not 0 without tolerance",
      oldValue: json("1e-400"),
      newValue: json("0.0"),
      rules: exact,
      expected: ["value $"],
    },
    {
      name: "25 digits differing past a double's precision differ without tolerance",
      oldValue: json("0.1000000000000000000000001"),
      newValue: json("0.1000000000000000000000002"),
      rules: exact,
      expected: ["value $"],
    },
    {
      name: "25 digits differing past a double's precision are within the default rel",
      oldValue: json("0.1000000000000000000000001"),
      newValue: json("0.1000000000000000000000002"),
      expected: [],
    },
    {
      name: "0.1 with trailing digits is not 0.1 without tolerance",
      oldValue: json("0.10000000000000000001"),
      newValue: json("0.1"),
      rules: exact,
      expected: ["value $"],
    },
    {
      name: "equal long decimals are equal without tolerance",
      oldValue: json("3.14159265358979323846264338"),
      newValue: json("3.14159265358979323846264338"),
      rules: exact,
      expected: [],
    },
    {
      name: "rel 0.6 covers 1e400 vs 2e400",
      oldValue: json("1e400"),
      newValue: json("2e400"),
      rules: tol({ rel: 0.6 }),
      expected: [],
    },
    {
      name: "abs 1e399 does not cover 1e400 vs 2e400",
      oldValue: json("1e400"),
      newValue: json("2e400"),
      rules: tol({ abs: 1e300 }),
      expected: ["value $"],
    },
  ];
  it.each(cases)("$name", (testCase) => {
    expectCase(testCase);
    expectCase({ ...testCase, oldValue: testCase.newValue, newValue: testCase.oldValue });
  });

  it("reports rel for 1e400 vs 2e400 and leaves out the abs no double holds", () => {
    const [difference] = compare(json("1e400"), json("2e400")).differences;
    expect(difference.rel).toBeCloseTo(0.5, 12);
    expect(difference.abs).toBeUndefined();
  });
});
