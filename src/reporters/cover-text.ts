// What the cover strategy did, in words every reporter shares: how much of the sample went to
// value classes, and which input covers which class.
import type { CoveredClass, SampleIdentity } from "../inputs/types.ts";

/** Picks named in a one-line list before "… and N more". */
const LISTED_PICKS = 6;

/** Why: `12 picked for value classes (of 31 found), 88 at random`; undefined for other strategies. */
export function describeCoverSplit(sample: SampleIdentity): string | undefined {
  const { cover } = sample;
  if (cover === undefined) return undefined;
  return `${cover.picks.length} picked for value classes (of ${cover.classesFound} found), ${cover.randomSize} at random`;
}

/** Why: `#42 id integral-float · #77 name non-ascii · …`: which input covers which class, briefly. */
export function describeCoverPicks(sample: SampleIdentity): string | undefined {
  const { cover } = sample;
  if (cover === undefined || cover.picks.length === 0) return undefined;
  const listed = cover.picks
    .slice(0, LISTED_PICKS)
    .map((pick) => `#${pick.index} ${pick.classes.map(describeClass).join(", ")}`);
  const more = cover.picks.length - LISTED_PICKS;
  return more > 0 ? `${listed.join(" · ")} · … and ${more} more` : listed.join(" · ");
}

/** Why: `price negative`, `country rare-value "lu"`, `price min -3`. */
export function describeClass(covered: CoveredClass): string {
  return covered.value === undefined
    ? `${covered.path} ${covered.valueClass}`
    : `${covered.path} ${covered.valueClass} ${covered.value}`;
}
