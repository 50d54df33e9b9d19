// Reads the accepted-differences file: YAML, validated, every problem named with file and key.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parsePathPattern } from "../compare/path-pattern.ts";
import { formatIssues } from "../config/format-issues.ts";
import { parseMaxChanged } from "../config/max-changed.ts";
import { parseConfigText } from "../config/read-config-text.ts";
import { TwinrunError } from "../errors.ts";
import { acceptedFileSchema } from "./schema.ts";
import type { AcceptedFile } from "./types.ts";

/** Why: a typo in an approval must stop the run (exit 2), never silently approve or reject. */
export async function loadAcceptedFile(file: string, cwd = process.cwd()): Promise<AcceptedFile> {
  const displayName = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TwinrunError(
      "CONFIG_NOT_FOUND",
      code === "ENOENT"
        ? `accepted-differences file not found: ${displayName}; check --accepted / gate.accepted, or write one with "twinrun accept <report.json>"`
        : `${displayName}: cannot read the accepted-differences file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseAcceptedText(text, file, displayName);
}

/** Why: the file's text as entries; an empty file accepts nothing. */
export function parseAcceptedText(text: string, file: string, displayName: string): AcceptedFile {
  const raw = parseConfigText(text, "yaml", displayName);
  const isEmpty = raw !== null && typeof raw === "object" && Object.keys(raw).length === 0;
  if (isEmpty) return { file, entries: [] };
  const result = acceptedFileSchema.safeParse(raw);
  if (!result.success) {
    const lines = formatIssues(result.error.issues, acceptedFileSchema, raw).map(
      (line) => `${displayName}: ${line}`,
    );
    throw new TwinrunError("CONFIG_INVALID", lines.join("\n"));
  }
  return {
    file,
    entries: result.data.accepted.map((entry, index) => ({
      path: entry.path,
      segments: parsePathPattern(entry.path),
      kinds: [...new Set(entry.kinds)],
      limit:
        entry.maxRate !== undefined
          ? { maxRatePercent: Number(entry.maxRate.slice(0, -1)) }
          : parseMaxChanged(entry.maxChanged ?? 0, `${displayName}: accepted[${index}].maxChanged`),
      ...(entry.note !== undefined && { note: entry.note }),
    })),
  };
}
