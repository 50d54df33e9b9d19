// Writes the generated documentation: docs/configuration.md (from the zod config schema) and
// docs/cli.md (from the option table): `npm run docs`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLI_REFERENCE_FILE, renderCliReference } from "./render-cli-reference.ts";
import { CONFIG_REFERENCE_FILE, renderConfigReference } from "./render-config-reference.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pages: [string, () => string][] = [
  [CONFIG_REFERENCE_FILE, renderConfigReference],
  [CLI_REFERENCE_FILE, renderCliReference],
];
for (const [file, render] of pages) {
  const target = path.join(root, file);
  await writeFile(target, render(), "utf8");
  process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
}
