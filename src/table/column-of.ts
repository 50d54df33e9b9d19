// Which column a difference belongs to: the first segment of its path (`score`, `["unit price"]`,
// `features.x` → `features`). The root `$` (a row on one side only) belongs to no column.

/** Why: per-column statistics count a row once per column, whatever nested path changed. */
export function columnOfPath(path: string): string | undefined {
  if (path === "$") return undefined;
  if (path.startsWith('["')) {
    const end = closingQuote(path, 2);
    return JSON.parse(path.slice(1, end + 1)) as string;
  }
  let end = 0;
  while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
  return path.slice(0, end);
}

/** Index of the `"` that closes the JSON string whose body starts at `from`. */
function closingQuote(path: string, from: number): number {
  let i = from;
  while (i < path.length && path[i] !== '"') i += path[i] === "\\" ? 2 : 1;
  return i;
}
