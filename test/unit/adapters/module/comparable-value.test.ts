// The comparable form of JavaScript values: one documented, deterministic spelling for each.
import { describe, expect, it } from "vitest";
import { toComparable, UncomparableValueError } from "../../../../adapters/module/comparable-value.ts";
import { stringifyLossless } from "../../../../src/json/stringify.ts";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

describe("toComparable", () => {
  it.each([
    {
      name: "a Map with string keys",
      value: new Map([
        ["b", 2],
        ["a", 1],
      ]),
      text: '{"$map":{"b":2,"a":1}}',
    },
    {
      name: "a Map with number keys, sorted by key",
      value: new Map([
        [10, "x"],
        [2, "y"],
      ]),
      text: '{"$map":[[2,"y"],[10,"x"]]}',
    },
    { name: "a Set, numbers sorted by value", value: new Set([10, 2, 1.5]), text: '{"$set":[1.5,2,10]}' },
    { name: "a Set of mixed values", value: new Set(["b", 1, "a", true]), text: '{"$set":[1,"a","b",true]}' },
    {
      name: "a Date, as Python's isoformat",
      value: new Date(Date.UTC(2024, 0, 31)),
      text: '{"$datetime":"2024-01-31T00:00:00+00:00"}',
    },
    {
      name: "a Date with milliseconds",
      value: new Date(Date.UTC(2024, 1, 29, 13, 45, 0, 250)),
      text: '{"$datetime":"2024-02-29T13:45:00.250000+00:00"}',
    },
    { name: "an invalid Date", value: new Date(Number.NaN), text: '{"$datetime":"Invalid Date"}' },
    { name: "a BigInt beyond 2^53", value: 2n ** 64n, text: "18446744073709551616" },
    {
      name: "a Float32Array, as a plain array of its numbers",
      value: new Float32Array([0.5, 0.1]),
      text: "[0.5,0.10000000149011612]",
    },
    { name: "a BigInt64Array", value: new BigInt64Array([2n ** 62n]), text: "[4611686018427387904]" },
    { name: "a Buffer, as base64 bytes", value: Buffer.from([1, 255]), text: '{"$bytes":"Af8="}' },
    {
      name: "an ArrayBuffer, as base64 bytes",
      value: new Uint8Array([7, 8]).buffer,
      text: '{"$bytes":"Bwg="}',
    },
    { name: "a RegExp", value: /a+b/gi, text: '{"$regexp":"/a+b/gi"}' },
    {
      name: "an Error",
      value: new RangeError("too big"),
      text: '{"$error":{"name":"RangeError","message":"too big"}}',
    },
    { name: "undefined at the top", value: undefined, text: '{"$undefined":true}' },
    { name: "undefined in an array", value: [1, undefined], text: '[1,{"$undefined":true}]' },
    { name: "an undefined member, left out as JSON does", value: { a: 1, b: undefined }, text: '{"a":1}' },
    { name: "a named function", value: function score() {}, text: '{"$function":"score"}' },
    { name: "a symbol", value: Symbol("tag"), text: '{"$symbol":"tag"}' },
    { name: "a class instance, by its own properties", value: new Point(3, 4), text: '{"x":3,"y":4}' },
    { name: "an object with toJSON, by what it returns", value: { toJSON: () => "1.50" }, text: '"1.50"' },
    { name: "NaN and -0 kept as numbers", value: [Number.NaN, -0], text: "[NaN,-0]" },
  ])("writes $name as $text", ({ value, text }) => {
    expect(stringifyLossless(toComparable(value))).toBe(text);
  });

  it("converts nested values inside plain objects and arrays", () => {
    const value = { when: new Date(0), ids: new Set([2n ** 60n]), rows: [{ tags: new Set(["b", "a"]) }] };
    expect(toComparable(value)).toEqual({
      when: { $datetime: "1970-01-01T00:00:00+00:00" },
      ids: { $set: [2n ** 60n] },
      rows: [{ tags: { $set: ["a", "b"] } }],
    });
  });

  it("keeps a __proto__ key as data, never as the prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}');
    const converted = toComparable(value) as Record<string, unknown>;
    expect(Object.keys(converted)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
  });

  it("accepts the same object twice but refuses a cycle, naming where it closes", () => {
    const shared = { a: 1 };
    expect(toComparable([shared, shared])).toEqual([{ a: 1 }, { a: 1 }]);
    const cyclic: Record<string, unknown> = { rows: [{}] };
    (cyclic.rows as Record<string, unknown>[])[0].parent = cyclic;
    expect(() => toComparable(cyclic)).toThrow(UncomparableValueError);
    expect(() => toComparable(cyclic)).toThrow("the output holds a circular reference at $.rows[0].parent");
  });
});
