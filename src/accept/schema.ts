// The accepted-differences file (twinrun.accepted.yaml): the zod schema that validates it and
// gives its error messages (see src/config/schema-leaves.ts for the message style).
import { z } from "zod";
import { maxChangedValue, oneOf, pathPattern, RATE_PERCENT_PATTERN, text } from "../config/schema-leaves.ts";

const KINDS = ["value", "type", "added", "removed", "length", "failure"] as const;
const KINDS_EXPECTED = `a list of difference kinds like [value] (of ${KINDS.join(", ")})`;

const RATE_EXPECTED = 'a rate of inputs like "2.9%"';

function rateValue(description: string) {
  return z
    .string({ error: RATE_EXPECTED })
    .regex(RATE_PERCENT_PATTERN, { error: RATE_EXPECTED })
    .describe(description);
}

const entrySchema = z
  .strictObject(
    {
      path: pathPattern("Output path pattern, matched against whole paths: a.b, a.*, a.**, rows[*].score."),
      kinds: z
        .array(oneOf(KINDS, "A difference kind."), { error: KINDS_EXPECTED })
        .min(1, { error: KINDS_EXPECTED })
        .describe("The difference kinds approved at this path."),
      maxChanged: maxChangedValue(
        'Trials this entry may cover: a count (3) or a rate of trials ("0.5%"). Give this or maxRate.',
      ).optional(),
      maxRate: rateValue(
        'The change rate this entry may cover, as an upper confidence bound ("2.9%"): a run exceeds it only when its counts show a higher rate with 95% confidence. Written by twinrun accept; give this or maxChanged.',
      ).optional(),
      note: text("Why the change is intended (for reviewers).").optional(),
    },
    { error: "an entry like { path: score, kinds: [value], maxRate: 1% }" },
  )
  .superRefine((entry, context) => {
    if ((entry.maxChanged === undefined) === (entry.maxRate === undefined)) {
      context.addIssue({
        code: "custom",
        path: ["maxRate"],
        message:
          entry.maxChanged === undefined
            ? "a limit: maxRate (a rate bound like 2.9%) or maxChanged (a count like 3, or a rate like 0.5%)"
            : "one limit, not both: drop maxRate or maxChanged",
      });
    }
  });

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

/** The file as written (maxChanged still `3` or `"0.5%"`, maxRate `"2.9%"`). */
export type AcceptedFileInput = z.infer<typeof acceptedFileSchema>;
