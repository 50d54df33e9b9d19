import { describe, expect, it } from "vitest";
import { toJsonSafe } from "../../../src/json/json-safe.ts";
import { parseLossless } from "../../../src/json/parse.ts";
import { IntegralFloat } from "../../../src/json/values.ts";

describe("toJsonSafe", () => {
  it("turns NaN and the infinities into strings and keeps bigints and integral floats", () => {
    const value = parseLossless('{"a": [NaN, Infinity, -Infinity, 1.0, 9007199254740993, 0.5, "s", null]}');
    expect(toJsonSafe(value)).toEqual({
      a: ["NaN", "Infinity", "-Infinity", new IntegralFloat(1), 9007199254740993n, 0.5, "s", null],
    });
  });

  it("keeps key order and leaves the input untouched", () => {
    const value = { z: Number.NaN, a: { m: 1 } };
    const safe = toJsonSafe(value) as Record<string, unknown>;
    expect(Object.keys(safe)).toEqual(["z", "a"]);
    expect(value.z).toBeNaN();
    expect(safe.a).not.toBe(value.a);
  });

  it("keeps a __proto__ key as an own key", () => {
    const safe = toJsonSafe(parseLossless('{"__proto__": {"x": NaN}}')) as Record<string, unknown>;
    expect(Object.hasOwn(safe, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(safe, "__proto__")?.value).toEqual({ x: "NaN" });
  });

  it("copies scalars at the root", () => {
    expect(toJsonSafe(Number.NaN)).toBe("NaN");
    expect(toJsonSafe(3)).toBe(3);
  });

  it("handles nesting 100,000 deep", () => {
    const depth = 100_000;
    let safe = toJsonSafe(parseLossless(`${"[".repeat(depth)}Infinity${"]".repeat(depth)}`));
    for (let level = 0; level < depth; level++) safe = (safe as unknown[])[0];
    expect(safe).toBe("Infinity");
  });
});
