// A tiny ANSI helper: colours only when asked, so uncoloured output holds no escape codes.
import { stripVTControlCharacters } from "node:util";

const CODES = {
  bold: ["\x1b[1m", "\x1b[22m"],
  dim: ["\x1b[2m", "\x1b[22m"],
  red: ["\x1b[31m", "\x1b[39m"],
  green: ["\x1b[32m", "\x1b[39m"],
  yellow: ["\x1b[33m", "\x1b[39m"],
  cyan: ["\x1b[36m", "\x1b[39m"],
} as const;

export type StyleName = keyof typeof CODES;

/** Applies styles to text, or returns the text untouched when colours are off. */
export type Paint = (style: StyleName | StyleName[], text: string) => string;

/** Builds a painter for one render: colours on or off for the whole output. */
export function createPaint(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => {
    const styles = Array.isArray(style) ? style : [style];
    return styles.reduce((styled, name) => `${CODES[name][0]}${styled}${CODES[name][1]}`, text);
  };
}

/** Removes every ANSI escape sequence (for text from libraries or components when colours are off). */
export function stripAnsi(text: string): string {
  return stripVTControlCharacters(text);
}
