// The one error the lossless JSON parser throws: invalid text, with the offending position.

/** Why: callers (adapters, input readers) turn unparsable text into a failure or a user error and need a position. */
export class JsonSyntaxError extends SyntaxError {
  /** 0-based character offset in the parsed text. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = "JsonSyntaxError";
    this.position = position;
  }
}

/** Why: one wording for every "unexpected token" so messages stay short and comparable. */
export function unexpectedTokenError(text: string, position: number): JsonSyntaxError {
  if (position >= text.length)
    return new JsonSyntaxError(`unexpected end of JSON at position ${position}`, position);
  const codePoint = text.codePointAt(position) ?? 0;
  const shown =
    codePoint < 0x20 ? `\\u${codePoint.toString(16).padStart(4, "0")}` : String.fromCodePoint(codePoint);
  return new JsonSyntaxError(`unexpected token '${shown}' at position ${position}`, position);
}
