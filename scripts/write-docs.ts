// Writes the generated documentation (docs/configuration.md, from the zod config schema): `npm run docs`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_REFERENCE_FILE, renderConfigReference } from "./render-config-reference.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, CONFIG_REFERENCE_FILE);
await writeFile(target, renderConfigReference(), "utf8");
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
