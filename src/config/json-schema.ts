// The published JSON Schema of twinrun.config.yaml, generated from the zod schema so the two
// can never disagree. Editors (yaml-language-server) use it for completion and checks.
import { z } from "zod";
import { userConfigSchema } from "./schema.ts";

/** Where the generated schema lives in the package. */
export const SCHEMA_FILE = "schema/twinrun.schema.json";

/** Why: scripts/write-schema.ts writes this text; a test checks the committed file equals it. */
export function renderJsonSchema(): string {
  // draft-07 is what yaml-language-server and most editors understand best.
  const schema = z.toJSONSchema(userConfigSchema, { target: "draft-07" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
