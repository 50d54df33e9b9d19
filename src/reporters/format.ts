// Compact text for numbers, ratios and long values in terminal output.
import type { DifferenceKind } from "../compare/types.ts";

/** A number in few characters: `0`, `42`, `0.125`, `3.2e-4`, `1.5e+9`, `NaN`, `Infinity`. */
export function formatCompactNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e6) return String(value);
  if (magnitude >= 1e3 && magnitude < 1e6) return trimZeros(value.toFixed(1));
  if (magnitude >= 1e-3 && magnitude < 1e3) return trimZeros(value.toPrecision(3));
  const [mantissa, exponent] = value.toExponential(1).split("e");
  return `${trimZeros(mantissa)}e${exponent}`;
}

/** `changed/compared (pct%)`, with enough digits that a rare change never reads as 0%. */
export function formatRatio(part: number, whole: number): string {
  if (whole <= 0) return `${part}/${whole}`;
  return `${part}/${whole} (${formatPercent((part / whole) * 100)})`;
}

/** A percentage: `100%`, `12.5%`, `0.01%`; never `0%` for a non-zero share. */
export function formatPercent(percent: number): string {
  if (percent === 0 || percent === 100) return `${percent}%`;
  if (percent >= 10) return `${trimZeros(percent.toFixed(1))}%`;
  return `${trimZeros(percent.toPrecision(2))}%`;
}

/** Difference kinds by count, most frequent first: `value×12, type×1`. */
export function formatKinds(kinds: Partial<Record<DifferenceKind, number>>): string {
  return Object.entries(kinds)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([kind, count]) => `${kind}×${count}`)
    .join(", ");
}

/** A count with thousands separators, the same in every locale: `1,000`, `12,345,678`. */
export function formatCount(count: number): string {
  return Number.isSafeInteger(count) ? COUNT_FORMAT.format(count) : String(count);
}

const COUNT_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A duration for people: `850ms`, `3.2s`, `4m 05s`. */
export function formatDurationMs(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return "?";
  if (durationMs < 1000) return `${formatCompactNumber(Math.round(durationMs * 10) / 10)}ms`;
  if (durationMs < 60_000) return `${(durationMs / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(durationMs / 1000);
  return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, "0")}s`;
}

/** Cuts text to maxChars, marking the cut with `…`. */
export function truncateText(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}…`;
}

/** Folds line breaks and runs of whitespace around them into single spaces. */
export function toOneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Cuts text to maxChars by dropping its middle (`a.b.c…x.y.z`): both ends of a long path tell where. */
export function cutMiddle(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const head = Math.ceil((maxChars - 1) / 2);
  const tail = Math.max(0, maxChars - 1 - head);
  return `${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(-tail).join("") : ""}`;
}
