// twinrun's own version, from the package.json it ships with (sources or a build alike).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Why: `twinrun --version` must say the installed package's version, never a copy of it. */
export function readOwnVersion(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(folder, "package.json");
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (parsed.name === "twinrun" && typeof parsed.version === "string") return parsed.version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return "unknown";
    folder = parent;
  }
}
