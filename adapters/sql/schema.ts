// The SQL component's config section (`adapter: sql`).
import { z } from "zod";
import { text } from "../../src/config/schema-leaves.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";

/** Why: the section as a config file writes it, validated with messages that say what to write. */
export function sqlComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: z
          .literal("sql", { error: '"sql"' })
          .describe("A SQL query run in a database; its result is this side's output table."),
        file: text("The SQL file holding the query (one SELECT), relative to this config file."),
        database: text(
          "The database this side's query runs in, when it is not the run's `database`: a postgresql:// URL or duckdb:<file>.",
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: "a mapping like { adapter: sql, file: models/features.sql }" },
    )
    .describe(`The ${side} version of the component, a SQL query.`);
}

/** A SQL section as a config file (or a flag layer) holds it. */
export type SqlSection = z.infer<ReturnType<typeof sqlComponentSchema>>;
