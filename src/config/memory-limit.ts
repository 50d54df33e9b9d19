// The table engine's memory limit as users write it: a number and a unit (`1GB`, `512MB`, `2GiB`).
import { TwinrunError } from "../errors.ts";

/** The accepted spelling. */
export const MEMORY_LIMIT_PATTERN = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Why: the engine takes the text as is; a wrong spelling is an error that names the flag or key. */
export function parseMemoryLimit(where: string, text: string): string {
  const trimmed = text.trim();
  if (!MEMORY_LIMIT_PATTERN.test(trimmed)) {
    throw new TwinrunError(
      "USAGE",
      `${where}: expected a size such as 1GB, 512MB or 2GiB, found ${JSON.stringify(text)}`,
    );
  }
  return trimmed;
}
