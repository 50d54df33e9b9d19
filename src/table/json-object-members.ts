// The members of one JSON object text with each value's exact source text, so a record written
// as a CSV row keeps its number tokens as written (`1.50`, `1e-3`, ids beyond 2^53).
import { JsonSyntaxError } from "../json/syntax-error.ts";

/** One member: its key (decoded) and its value's source text (trimmed). */
export interface JsonMember {
  key: string;
  valueText: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Why: parsing to values and writing them back would print `1.50` as `1.5`; slicing the text keeps
 * every token. Returns undefined when the text is not an object (an array, a string, …); throws
 * JsonSyntaxError on text that is not JSON. Duplicate keys are returned as they appear.
 */
export function splitJsonObject(text: string): JsonMember[] | undefined {
  let position = skipWhitespace(text, 0);
  if (text[position] !== "{") return undefined;
  position = skipWhitespace(text, position + 1);
  const members: JsonMember[] = [];
  if (text[position] === "}") return expectEnd(text, position + 1, members);
  for (;;) {
    if (text.charCodeAt(position) !== QUOTE) throw syntaxError("a quoted key", position);
    const keyEnd = skipString(text, position);
    const key = JSON.parse(text.slice(position, keyEnd)) as string;
    position = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(position) !== COLON) throw syntaxError('":" after a key', position);
    const valueStart = skipWhitespace(text, position + 1);
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd === valueStart) throw syntaxError("a value", valueStart);
    members.push({ key, valueText: text.slice(valueStart, valueEnd).trimEnd() });
    position = skipWhitespace(text, valueEnd);
    if (text.charCodeAt(position) === COMMA) {
      position = skipWhitespace(text, position + 1);
      continue;
    }
    if (text[position] === "}") return expectEnd(text, position + 1, members);
    throw syntaxError('"," or "}"', position);
  }
}

/** Returns the index after the value starting at `from`: a string, a container, or a bare token. */
function skipValue(text: string, from: number): number {
  let position = from;
  let depth = 0;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === QUOTE) {
      position = skipString(text, position);
      if (depth === 0) return position;
      continue;
    }
    if (code === 0x7b || code === 0x5b) depth += 1;
    else if (code === 0x7d || code === 0x5d) {
      if (depth === 0) return position;
      depth -= 1;
      if (depth === 0) return position + 1;
    } else if (code === COMMA && depth === 0) return position;
    position += 1;
  }
  if (depth > 0) throw syntaxError("a closing bracket", position);
  return position;
}

/** Returns the index after the closing quote of the string opening at `from`. */
function skipString(text: string, from: number): number {
  let position = from + 1;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === BACKSLASH) position += 2;
    else if (code === QUOTE) return position + 1;
    else position += 1;
  }
  throw syntaxError("the end of a string", from);
}

function skipWhitespace(text: string, from: number): number {
  let position = from;
  for (;;) {
    const code = text.charCodeAt(position);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return position;
    position += 1;
  }
}

function expectEnd(text: string, from: number, members: JsonMember[]): JsonMember[] {
  const end = skipWhitespace(text, from);
  if (end < text.length) throw syntaxError("nothing after the object", end);
  return members;
}

function syntaxError(expected: string, position: number): JsonSyntaxError {
  return new JsonSyntaxError(`expected ${expected} at position ${position}`, position);
}
