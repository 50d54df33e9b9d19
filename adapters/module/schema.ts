// The module component's config section (`adapter: module`): a JavaScript or TypeScript function.
import { z } from "zod";
import { text } from "../../src/config/schema-leaves.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";

/** Why: the section as a config file writes it, validated with messages that say what to write. */
export function moduleComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: z
          .literal("module", { error: '"module"' })
          .describe("Call a JavaScript or TypeScript function in worker threads."),
        file: text(
          `The module file (.js, .mjs, .cjs, .ts, .mts, .cts), relative to this config file, e.g. src/score_${side}.ts.`,
        ),
        export: text(
          'The exported function to call (default: the default export); dots reach into objects, e.g. "scorer.score".',
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: module, file: src/score_${side}.ts, export: score }` },
    )
    .describe(`The ${side} version of the component, a JavaScript or TypeScript function.`);
}

/** A module section as a config file (or a flag layer) holds it. */
export type ModuleSection = z.infer<ReturnType<typeof moduleComponentSchema>>;
