// Writes schema/twinrun.schema.json from the zod config schema: `npm run schema`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderJsonSchema, SCHEMA_FILE } from "../src/config/json-schema.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, SCHEMA_FILE);
await writeFile(target, renderJsonSchema(), "utf8");
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
