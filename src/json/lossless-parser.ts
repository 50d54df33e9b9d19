// The lossless JSON parser: a hand-written iterative parser (explicit stack, so nesting depth
// is bounded by memory, not by the call stack) that keeps bigints, integral floats and the
// NaN / Infinity tokens Python's json.dumps writes.
import { toDecimalFloat } from "./decimal-token.ts";
import { toLosslessNumber } from "./number-token.ts";
import { JsonSyntaxError, unexpectedTokenError } from "./syntax-error.ts";
import type { DecimalFloat, IntegralFloat, LosslessValue } from "./values.ts";

type JsonObject = { [key: string]: LosslessValue };
type Container = LosslessValue[] | JsonObject;

const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t", "u"]);

/** Why: the slow path of parseLossless, for texts the pre-scan flagged as lossy under JSON.parse. */
export function parseLosslessSlow(text: string): LosslessValue {
  const parser = new LosslessParser(text);
  return parser.parseDocument();
}

class LosslessParser {
  private readonly text: string;
  private position = 0;
  private readonly containers: Container[] = [];
  private readonly keys: string[] = [];

  constructor(text: string) {
    this.text = text;
  }

  parseDocument(): LosslessValue {
    let value = this.parseValueOrOpen();
    for (;;) {
      if (value === OPENED) {
        value = this.parseValueOrOpen();
        continue;
      }
      const parent = this.containers[this.containers.length - 1];
      if (parent === undefined) {
        this.skipWhitespace();
        if (this.position < this.text.length) throw unexpectedTokenError(this.text, this.position);
        return value;
      }
      if (Array.isArray(parent)) {
        parent.push(value);
      } else {
        setOwn(parent, this.keys.pop() as string, value);
      }
      value = this.continueContainer(parent);
    }
  }

  /** After a member: `,` starts the next one (returns OPENED), a closer finishes the container (returns it). */
  private continueContainer(container: Container): LosslessValue | typeof OPENED {
    this.skipWhitespace();
    const c = this.text[this.position];
    const isArray = Array.isArray(container);
    if (c === ",") {
      this.position++;
      if (!isArray) this.readKey();
      return OPENED;
    }
    if (c === (isArray ? "]" : "}")) {
      this.position++;
      this.containers.pop();
      return container;
    }
    throw unexpectedTokenError(this.text, this.position);
  }

  /** Parses a scalar, an empty container, or opens a container and returns OPENED. */
  private parseValueOrOpen(): LosslessValue | typeof OPENED {
    this.skipWhitespace();
    const text = this.text;
    const c = text[this.position];
    switch (c) {
      case "{": {
        this.position++;
        this.skipWhitespace();
        if (text[this.position] === "}") {
          this.position++;
          return {};
        }
        this.containers.push({});
        this.readKey();
        return OPENED;
      }
      case "[": {
        this.position++;
        this.skipWhitespace();
        if (text[this.position] === "]") {
          this.position++;
          return [];
        }
        this.containers.push([]);
        return OPENED;
      }
      case '"':
        return this.readString();
      case "t":
        return this.readLiteral("true", true);
      case "f":
        return this.readLiteral("false", false);
      case "n":
        return this.readLiteral("null", null);
      case "N":
        return this.readLiteral("NaN", Number.NaN);
      case "I":
        return this.readLiteral("Infinity", Number.POSITIVE_INFINITY);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.readNumber();
        throw unexpectedTokenError(text, this.position);
    }
  }

  /** Reads `"key" :` inside an object and remembers the key for the coming value. */
  private readKey(): void {
    this.skipWhitespace();
    if (this.text[this.position] !== '"') throw unexpectedTokenError(this.text, this.position);
    const key = this.readString();
    this.skipWhitespace();
    if (this.text[this.position] !== ":") throw unexpectedTokenError(this.text, this.position);
    this.position++;
    this.keys.push(key);
  }

  private readString(): string {
    const text = this.text;
    const start = this.position;
    let i = start + 1;
    let hasEscape = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c))
        throw new JsonSyntaxError(`unterminated string starting at position ${start}`, start);
      if (c < 0x20) throw unexpectedTokenError(text, i);
      if (c === 0x5c) {
        hasEscape = true;
        i = this.checkEscape(i);
      } else {
        i++;
      }
    }
    this.position = i + 1;
    // The escapes were validated above, so native JSON.parse can only decode them.
    return hasEscape ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
  }

  /** Validates the escape at `backslash`; returns the index after it. */
  private checkEscape(backslash: number): number {
    const text = this.text;
    const letter = text[backslash + 1];
    if (letter === undefined || !ESCAPES.has(letter)) throw unexpectedTokenError(text, backslash + 1);
    if (letter !== "u") return backslash + 2;
    for (let k = backslash + 2; k < backslash + 6; k++) {
      if (!/[0-9a-fA-F]/.test(text[k] ?? "")) throw unexpectedTokenError(text, k);
    }
    return backslash + 6;
  }

  private readNumber(): number | bigint | IntegralFloat | DecimalFloat {
    const text = this.text;
    const start = this.position;
    let i = start;
    if (text[i] === "-") {
      i++;
      if (text[i] === "I") {
        this.position = i;
        this.readLiteral("Infinity", 0);
        return Number.NEGATIVE_INFINITY;
      }
    }
    if (text[i] === "0") {
      i++;
    } else if (isDigit(text[i])) {
      while (isDigit(text[i])) i++;
    } else {
      throw unexpectedTokenError(text, i);
    }
    let isFloat = false;
    if (text[i] === ".") {
      isFloat = true;
      i = this.requireDigits(i + 1);
    }
    if (text[i] === "e" || text[i] === "E") {
      isFloat = true;
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      i = this.requireDigits(i);
    }
    this.position = i;
    const token = text.slice(start, i);
    return (isFloat ? toDecimalFloat(token) : undefined) ?? toLosslessNumber(token, isFloat);
  }

  private requireDigits(from: number): number {
    let i = from;
    if (!isDigit(this.text[i])) throw unexpectedTokenError(this.text, i);
    while (isDigit(this.text[i])) i++;
    return i;
  }

  private readLiteral<T>(word: string, value: T): T {
    for (let k = 0; k < word.length; k++) {
      if (this.text[this.position + k] !== word[k]) throw unexpectedTokenError(this.text, this.position + k);
    }
    this.position += word.length;
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.position;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.position = i;
  }
}

const OPENED: unique symbol = Symbol("opened");

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** `__proto__` must become an own key (as JSON.parse does), never the prototype. */
function setOwn(target: JsonObject, key: string, value: LosslessValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
