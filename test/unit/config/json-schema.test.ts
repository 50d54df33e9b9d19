import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderJsonSchema, SCHEMA_FILE } from "../../../src/config/json-schema.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("the published JSON Schema", () => {
  it("is committed exactly as the zod schema generates it (run `npm run schema` to refresh)", () => {
    expect(readFileSync(path.join(REPO_ROOT, SCHEMA_FILE), "utf8")).toBe(renderJsonSchema());
  });

  it("has a $schema, a title, strict objects and descriptions on keys", () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("twinrun configuration");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.compare.properties.tolerance.properties.rel).toMatchObject({
      type: "number",
      minimum: 0,
      description: expect.any(String),
    });
    expect(schema.properties.input.properties.format.enum).toEqual(["jsonl", "json", "csv"]);
    expect(schema.properties.compare.properties.rules.items.required).toEqual(["path"]);
  });
});
