// Text that fits a terminal: its display width (ANSI codes and wide characters counted right),
// and lines cut to a width, whatever colours they carry.
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/** The width reports are laid out for when the terminal does not say (a pipe, a CI log). */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, nothing lays out usefully: tables and lines are fitted to this at least. */
export const MIN_WIDTH = 40;

/** Columns the text takes on a terminal (escape codes take none, CJK characters two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The usable width from RenderOptions.width: a positive integer, at least MIN_WIDTH. */
export function resolveWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width) || width <= 0) return DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, Math.floor(width));
}

/** One line cut to width, marking the cut with `…` (colours closed before it). */
export function cutToWidth(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const head = wrapAnsi(line, Math.max(1, width - 1), { hard: true, wordWrap: false, trim: false }).split(
    "\n",
  )[0];
  return `${head}…`;
}
