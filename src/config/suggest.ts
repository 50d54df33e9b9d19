// "Did you mean …?" for unknown config keys: a typo (`toleranse`), another spelling
// (`stratify_by`, `StratifyBy`) or a near miss gets the closest known key.

/** Why: a user who mistyped a key learns the right one instead of reading the whole schema. */
export function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(word);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = measureEditDistance(wanted, normalise(candidate));
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return best.distance <= allowed ? best.candidate : undefined;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, "");
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function measureEditDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, table[i - 2]![j - 2]! + 1);
      }
      table[i]![j] = value;
    }
  }
  return table[rows - 1]![cols - 1]!;
}
