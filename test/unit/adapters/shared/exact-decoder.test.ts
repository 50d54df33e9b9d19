import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeExact, ExactDecoder } from "../../../../adapters/shared/exact-decoder.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("decodeExact", () => {
  it.each([
    { name: "ASCII", input: bytes(0x61, 0x62), expected: "ab" },
    { name: "a two-byte character", input: bytes(0xc3, 0xa9), expected: "é" },
    { name: "a four-byte character", input: bytes(0xf0, 0x9f, 0x98, 0x80), expected: "😀" },
    { name: "an invalid byte", input: bytes(0x61, 0xff), expected: "a\udcff" },
    { name: "a lone continuation byte", input: bytes(0x80), expected: "\udc80" },
    { name: "an overlong encoding", input: bytes(0xc0, 0xaf), expected: "\udcc0\udcaf" },
    { name: "an encoded surrogate", input: bytes(0xed, 0xa0, 0x80), expected: "\udced\udca0\udc80" },
    { name: "a truncated sequence before ASCII", input: bytes(0xe2, 0x82, 0x41), expected: "\udce2\udc82A" },
  ])("decodes $name", ({ input, expected }) => {
    expect(decodeExact(input)).toBe(expected);
  });

  it("decodes two byte strings to the same text only when the bytes are the same", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ maxLength: 12 }), (a, b) => {
        const same = Buffer.from(a).equals(Buffer.from(b));
        expect(decodeExact(a) === decodeExact(b)).toBe(same);
      }),
    );
  });

  it("decodes valid UTF-8 exactly as Node does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(decodeExact(Buffer.from(text, "utf8"))).toBe(Buffer.from(text, "utf8").toString("utf8"));
      }),
    );
  });
});

describe("ExactDecoder", () => {
  it("gives the same text however the bytes are split into chunks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(fc.nat(24), { maxLength: 4 }), (all, cuts) => {
        const points = [...new Set(cuts.map((cut) => Math.min(cut, all.length)))].sort((x, y) => x - y);
        const decoder = new ExactDecoder();
        let text = "";
        let from = 0;
        for (const point of [...points, all.length]) {
          text += decoder.write(Buffer.from(all.subarray(from, point)));
          from = point;
        }
        text += decoder.end();
        expect(text).toBe(decodeExact(all));
      }),
    );
  });
});
