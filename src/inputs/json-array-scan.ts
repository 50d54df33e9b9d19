// Finds the top-level elements of a JSON array document without building values: where each
// element's text starts and ends, and on which line it starts. Structure only (brackets,
// strings, commas); each element's own syntax is checked by the caller, so one bad element can
// be skipped while a broken array (unclosed bracket or string) fails as a whole.

/** One top-level element: text.slice(start, end) is its source text. */
export interface ArrayElementSpan {
  start: number;
  end: number;
  /** 1-based line where the element starts. */
  line: number;
}

/** A structural problem that makes element boundaries unknowable. */
export class ArrayStructureError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = "ArrayStructureError";
    this.line = line;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSER_BY_OPENER: Readonly<Record<number, number>> = { 91: 0x5d, 123: 0x7d };
const CLOSERS = new Set([0x5d, 0x7d]);

/** Why: element spans with start lines, in order, for a document that must hold one array. */
export function scanJsonArray(text: string, onElement: (span: ArrayElementSpan) => void): void {
  let position = 0;
  let line = 1;
  const skipWhitespace = (): void => {
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === NEWLINE) line += 1;
      else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return;
      position += 1;
    }
  };

  skipWhitespace();
  if (text.charCodeAt(position) !== 0x5b) {
    const found =
      position < text.length ? JSON.stringify(text.slice(position, position + 20)) : "an empty file";
    throw new ArrayStructureError(
      line,
      `expected the file to hold one JSON array starting with "[", found ${found}`,
    );
  }
  const arrayLine = line;
  position += 1;
  skipWhitespace();
  if (text.charCodeAt(position) === 0x5d) {
    position += 1;
    assertNothingAfter();
    return;
  }

  for (;;) {
    skipWhitespace();
    const start = position;
    const startLine = line;
    const closers: number[] = [];
    for (;;) {
      if (position >= text.length) {
        throw new ArrayStructureError(arrayLine, `the JSON array opened here is never closed (missing "]")`);
      }
      const code = text.charCodeAt(position);
      if (code === QUOTE) {
        skipString();
        continue;
      }
      if (code === NEWLINE) line += 1;
      else if (CLOSER_BY_OPENER[code] !== undefined) closers.push(CLOSER_BY_OPENER[code]);
      else if (CLOSERS.has(code)) {
        if (closers.length === 0) {
          if (code === 0x5d) break;
          throw new ArrayStructureError(line, `unexpected "}" outside any object`);
        }
        const expected = closers.pop();
        if (expected !== code) {
          const want = String.fromCharCode(expected as number);
          throw new ArrayStructureError(
            line,
            `mismatched bracket: expected "${want}", found "${String.fromCharCode(code)}"`,
          );
        }
      } else if (code === COMMA && closers.length === 0) break;
      position += 1;
    }
    onElement({ start, end: trimEnd(start, position), line: startLine });
    const terminator = text.charCodeAt(position);
    position += 1;
    if (terminator === 0x5d) {
      assertNothingAfter();
      return;
    }
  }

  function skipString(): void {
    const stringLine = line;
    position += 1;
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === BACKSLASH) position += 2;
      else if (code === QUOTE) {
        position += 1;
        return;
      } else {
        if (code === NEWLINE) line += 1;
        position += 1;
      }
    }
    throw new ArrayStructureError(stringLine, "a string starting on this line is never closed");
  }

  function trimEnd(start: number, end: number): number {
    let last = end;
    while (last > start && " \t\r\n".includes(text[last - 1])) last -= 1;
    return last;
  }

  function assertNothingAfter(): void {
    skipWhitespace();
    if (position < text.length) {
      throw new ArrayStructureError(
        line,
        `unexpected text after the end of the JSON array: ${JSON.stringify(text.slice(position, position + 20))}`,
      );
    }
  }
}
