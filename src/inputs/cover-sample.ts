// The second half of the cover strategy: from the classes one pass found, the sample — one input
// per class, rarest first, up to a share of the sample — and the rest uniformly at random.
import type { Random } from "./random.ts";
import { pickUniform } from "./reservoir.ts";
import { sortByIndex } from "./selectors.ts";
import type { CoverIdentity, CoverPick, InputRecord, SourceClass } from "./types.ts";
import { VALUE_CLASSES } from "./value-classes.ts";

/** Classes listed in the sample identity (rarest first); the count of all is kept beside them. */
export const MAX_LISTED_CLASSES = 200;

/** A class found in the source, with the input its reservoir kept and the path's first-seen order. */
export interface FoundClass extends SourceClass {
  order: number;
  record: InputRecord;
}

/** Why: the sample and its identity follow from the found classes alone, whatever pass found them. */
export function buildCoverSample(
  found: FoundClass[],
  uniform: InputRecord[],
  size: number,
  share: number,
  random: Random,
): { records: InputRecord[]; cover: CoverIdentity } {
  const ranked = found.sort(
    (a, b) =>
      a.inputs - b.inputs ||
      a.order - b.order ||
      VALUE_CLASSES.indexOf(a.valueClass) - VALUE_CLASSES.indexOf(b.valueClass),
  );
  const budget = Math.min(Math.floor(size * share), size);
  const picks = new Map<number, CoverPick & { record: InputRecord }>();
  for (const entry of ranked) {
    const label = {
      path: entry.path,
      valueClass: entry.valueClass,
      ...(entry.value !== undefined && { value: entry.value }),
    };
    const pick = picks.get(entry.record.index);
    if (pick !== undefined) pick.classes.push(label);
    else if (picks.size < budget)
      picks.set(entry.record.index, { index: entry.record.index, classes: [label], record: entry.record });
  }
  const rest = uniform.filter((record) => !picks.has(record.index));
  const randomPart = pickUniform(rest, size - picks.size, random);
  const records = sortByIndex([...[...picks.values()].map((pick) => pick.record), ...randomPart]);
  const listed = ranked.slice(0, MAX_LISTED_CLASSES).map(({ path, valueClass, inputs, value }) => ({
    path,
    valueClass,
    inputs,
    ...(value !== undefined && { value }),
  }));
  return {
    records,
    cover: {
      share,
      randomSize: randomPart.length,
      picks: [...picks.values()]
        .sort((a, b) => a.index - b.index)
        .map(({ index, classes }) => ({ index, classes })),
      classes: listed,
      classesFound: ranked.length,
    },
  };
}
