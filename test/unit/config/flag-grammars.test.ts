import { describe, expect, it } from "vitest";
import {
  parseChoice,
  parseIgnoreFlag,
  parseInteger,
  parseNonNegativeNumber,
  parseOnly,
  parseSample,
  parseTimestampsFlag,
  parseTolFlag,
  parseUnorderedFlag,
} from "../../../src/config/flag-grammars.ts";
import { formatMaxChanged, parseMaxChanged } from "../../../src/config/max-changed.ts";
import { TwinrunError } from "../../../src/errors.ts";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).code).toBe("USAGE");
    return (error as TwinrunError).message;
  }
  throw new Error("expected a TwinrunError");
}

describe("--tol <pattern>=abs:<x>,rel:<y>[,ulps:<n>]", () => {
  it.each([
    ["score=rel:1e-6", { path: "score", tolerance: { rel: 1e-6 } }],
    ["score=abs:0.5", { path: "score", tolerance: { abs: 0.5 } }],
    [
      "embedding[*]=abs:1e-6,rel:1e-3,ulps:4",
      { path: "embedding[*]", tolerance: { abs: 1e-6, rel: 1e-3, ulps: 4 } },
    ],
    ["a.b = rel: 2 , abs: 0", { path: "a.b", tolerance: { rel: 2, abs: 0 } }],
    ['["a=b"]=rel:1', { path: '["a=b"]', tolerance: { rel: 1 } }],
    ["price=sig:6", { path: "price", tolerance: { sig: 6 } }],
  ])("reads %j", (text, expected) => {
    expect(parseTolFlag(text)).toEqual(expected);
  });

  it.each([
    [
      "score",
      '--tol: expected <pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>] (e.g. score=rel:1e-6), got "score"',
    ],
    [
      "=rel:1",
      '--tol: expected <pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>] (e.g. score=rel:1e-6), got "=rel:1"',
    ],
    [
      "score=",
      '--tol: expected <pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>] (e.g. score=rel:1e-6), got "score="',
    ],
    ["score=rel:1e-6x", '--tol score rel: expected a number >= 0, got "1e-6x"'],
    ["score=abs:-1", '--tol score abs: expected a number >= 0, got "-1"'],
    ["score=ulps:1.5", '--tol score ulps: expected an integer >= 0, got "1.5"'],
    ["score=rel:", '--tol score rel: expected a number >= 0, got ""'],
    [
      "score=rel:1,rel:2",
      '--tol: expected each of abs, rel, ulps, sig at most once, got "score=rel:1,rel:2"',
    ],
    ["price=sig:0", '--tol price sig: expected an integer >= 1, got "0"'],
  ])("rejects %j, naming the flag", (text, message) => {
    expect(messageOf(() => parseTolFlag(text))).toBe(message);
  });

  it("rejects an unknown tolerance name and lists the known ones", () => {
    expect(messageOf(() => parseTolFlag("score=abz:1"))).toMatch(
      /^--tol: expected abs:<x>, rel:<y>, ulps:<n> or sig:<n>.*got "score=abz:1"$/,
    );
  });
});

describe("--unordered <pattern>[:<keyField>]", () => {
  it.each([
    ["tags", { path: "tags", unordered: true }],
    ["items:id", { path: "items", unordered: { key: "id" } }],
    ["rows[*].items:sku", { path: "rows[*].items", unordered: { key: "sku" } }],
    ['["a:b"]', { path: '["a:b"]', unordered: true }],
    ['["a:b"]:id', { path: '["a:b"]', unordered: { key: "id" } }],
  ])("reads %j", (text, expected) => {
    expect(parseUnorderedFlag(text)).toEqual(expected);
  });

  it.each(["", "items:", ":id"])("rejects %j, naming the flag", (text) => {
    expect(messageOf(() => parseUnorderedFlag(text))).toBe(
      `--unordered: expected <pattern>[:<keyField>] (e.g. tags, or items:id), got ${JSON.stringify(text)}`,
    );
  });
});

describe("path patterns in flags", () => {
  it.each<[string, () => unknown]>([
    ["--ignore", () => parseIgnoreFlag("a b")],
    ["--tol", () => parseTolFlag("a b=rel:1")],
    ["--unordered", () => parseUnorderedFlag("a b:id")],
    ["--timestamps", () => parseTimestampsFlag("a b")],
  ])("%s rejects a pattern the comparator cannot read", (flag, run) => {
    expect(messageOf(run)).toBe(
      `${flag}: expected a path pattern like a.b, a.*, a.**, **.ts, emb[*] or ["odd key"] ` +
        '(quote keys with spaces or quotes as ["a key"] at position 1 of "a b"), got "a b"',
    );
  });
});

describe("--ignore <pattern>", () => {
  it("makes an ignore rule", () => {
    expect(parseIgnoreFlag("meta.generated_at")).toEqual({ path: "meta.generated_at", ignore: true });
  });

  it("rejects a blank pattern", () => {
    expect(messageOf(() => parseIgnoreFlag(" "))).toBe(
      '--ignore: expected an output path pattern (e.g. meta.generated_at), got " "',
    );
  });
});

describe("--timestamps <pattern>", () => {
  it("makes a timestamps rule", () => {
    expect(parseTimestampsFlag("**.created_at")).toEqual({ path: "**.created_at", timestamps: true });
  });

  it("rejects a blank pattern", () => {
    expect(messageOf(() => parseTimestampsFlag(""))).toBe(
      '--timestamps: expected a path pattern (e.g. created_at or **.ts), got ""',
    );
  });
});

describe("--max-changed <count|rate%>", () => {
  it.each([
    ["0", { count: 0 }],
    ["3", { count: 3 }],
    ["0.5%", { ratePercent: 0.5 }],
    ["2%", { ratePercent: 2 }],
    ["100%", { ratePercent: 100 }],
  ])("reads %j", (text, expected) => {
    expect(parseMaxChanged(text)).toEqual(expected);
  });

  it.each(["abc", "-1", "1.5", "101%", "%", "2 %"])("rejects %j", (text) => {
    expect(messageOf(() => parseMaxChanged(text))).toBe(
      `--max-changed: expected a count >= 0 (e.g. 3) or a rate of trials in percent (e.g. "0.5%"), got ${JSON.stringify(text)}`,
    );
  });

  it("writes a threshold back the way a user writes it", () => {
    expect(formatMaxChanged({ count: 3 })).toBe(3);
    expect(formatMaxChanged({ ratePercent: 0.5 })).toBe("0.5%");
  });
});

describe("--only <index>[,<index>]", () => {
  it.each([
    ["3", [3]],
    ["17,3", [3, 17]],
    ["3, 3 ,0", [0, 3]],
  ])("reads %j as sorted unique indices", (text, expected) => {
    expect(parseOnly(text)).toEqual(expected);
  });

  it.each(["x", "3,", "-1", "1.5", ""])("rejects %j", (text) => {
    expect(messageOf(() => parseOnly(text))).toBe(
      `--only: expected input indices like 3 or 3,17, got ${JSON.stringify(text)}`,
    );
  });
});

describe("--sample <n|all>", () => {
  it.each([
    ["500", 500],
    ["all", "all"],
    ["ALL", "all"],
    ["1", 1],
  ])("reads %j", (text, expected) => {
    expect(parseSample(text)).toBe(expected);
  });

  it.each(["0", "-5", "2.5", "many", ""])("rejects %j", (text) => {
    expect(messageOf(() => parseSample(text))).toBe(
      `--sample: expected a positive integer or "all", got ${JSON.stringify(text)}`,
    );
  });
});

describe("numbers, integers and choices", () => {
  it.each([
    ["1e-6", 1e-6],
    ["0", 0],
    ["0.001", 0.001],
    [".5", 0.5],
    ["1E3", 1000],
  ])("reads the number %j", (text, expected) => {
    expect(parseNonNegativeNumber("--rel", text)).toBe(expected);
  });

  it.each(["1e-6x", "-1", "Infinity", "NaN", "0x10", "", "1e400"])("rejects the number %j", (text) => {
    expect(messageOf(() => parseNonNegativeNumber("--rel", text))).toBe(
      `--rel: expected a number >= 0, got ${JSON.stringify(text)}`,
    );
  });

  it.each([
    ["--seed", "-3", undefined, -3],
    ["--timeout", "0", 0, 0],
    ["--concurrency", "4", 1, 4],
  ])("reads %s %j", (flag, text, min, expected) => {
    expect(parseInteger(flag, text, min)).toBe(expected);
  });

  it.each([
    ["--concurrency", "0", 1, '--concurrency: expected an integer >= 1, got "0"'],
    ["--timeout", "1.5", 0, '--timeout: expected an integer >= 0, got "1.5"'],
    ["--seed", "abc", undefined, '--seed: expected an integer, got "abc"'],
  ])("rejects %s %j", (flag, text, min, message) => {
    expect(messageOf(() => parseInteger(flag, text, min))).toBe(message);
  });

  it("lists the choices when a value is not one of them", () => {
    expect(messageOf(() => parseChoice("--format", "xml", ["jsonl", "json", "csv"]))).toBe(
      '--format: expected one of "jsonl", "json", "csv", got "xml"',
    );
  });
});
