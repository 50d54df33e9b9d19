// The accepted-differences file (twinrun.accepted.yaml): the zod schema that validates it and
// gives its error messages (see src/config/schema-leaves.ts for the message style).
import { z } from "zod";
import { maxChangedValue, oneOf, pathPattern, text } from "../config/schema-leaves.ts";

const KINDS = ["value", "type", "added", "removed", "length", "failure"] as const;
const KINDS_EXPECTED = `a list of difference kinds like [value] (of ${KINDS.join(", ")})`;

const entrySchema = z.strictObject(
  {
    path: pathPattern("Output path pattern, matched against whole paths: a.b, a.*, a.**, rows[*].score."),
    kinds: z
      .array(oneOf(KINDS, "A difference kind."), { error: KINDS_EXPECTED })
      .min(1, { error: KINDS_EXPECTED })
      .describe("The difference kinds approved at this path."),
    maxChanged: maxChangedValue('Trials this entry may cover: a count (3) or a rate of trials ("0.5%").'),
    note: text("Why the change is intended (for reviewers).").optional(),
  },
  { error: "an entry like { path: score, kinds: [value], maxChanged: 1% }" },
);

/** Why: the file is validated as a whole, so every mistake is reported with its key at once. */
export const acceptedFileSchema = z.strictObject(
  {
    accepted: z
      .array(entrySchema, {
        error: "a list of entries like - { path: score, kinds: [value], maxChanged: 1% }",
      })
      .describe("The approved differences."),
  },
  { error: "a mapping with an accepted: list" },
);

/** The file as written (maxChanged still `3` or `"0.5%"`). */
export type AcceptedFileInput = z.infer<typeof acceptedFileSchema>;
