// Which reporters a run writes, and where: `--reporter <name>[=file]` (repeatable), the config's
// `report.reporters`, and the shorthands (`--markdown <file>`, `--junit <file>`, `--html <file>`) as one list.
import path from "node:path";
import { suggestClosest } from "../config/suggest.ts";
import { TwinrunError } from "../errors.ts";
import { REPORTER_NAMES, type ReporterName } from "./names.ts";

/** One output: a reporter, and the file it goes to (absolute), or stdout when absent. */
export interface ReportOutput {
  reporter: ReporterName;
  file?: string;
}

/** Why: flags and config spell an output the same way; a typo gets the closest reporter's name. */
export function parseReporterSpec(spec: string, where: string, baseDir: string): ReportOutput {
  const cut = spec.indexOf("=");
  const name = (cut === -1 ? spec : spec.slice(0, cut)).trim();
  const file = cut === -1 ? undefined : spec.slice(cut + 1).trim();
  if (!isReporterName(name)) {
    const closest = suggestClosest(name, REPORTER_NAMES);
    throw new TwinrunError(
      "USAGE",
      `${where}: unknown reporter ${JSON.stringify(name)}${closest === undefined ? "" : ` (did you mean ${closest}?)`}; ` +
        `expected <name>[=<file>] with a name of ${REPORTER_NAMES.join(", ")}`,
    );
  }
  if (file === "") throw new TwinrunError("USAGE", `${where}: ${name}= needs a file after "="`);
  return { reporter: name, ...(file !== undefined && { file: path.resolve(baseDir, file) }) };
}

/**
 * The outputs of a run, in order: the reporters asked for, then the shorthands' files. The
 * terminal report goes to stdout unless another reporter was asked to write there.
 */
export function resolveReportOutputs(asked: {
  reporters?: readonly ReportOutput[];
  markdown?: string;
  junit?: string;
  html?: string;
}): ReportOutput[] {
  const outputs = [...(asked.reporters ?? [])];
  if (asked.markdown !== undefined) outputs.push({ reporter: "markdown", file: asked.markdown });
  if (asked.junit !== undefined) outputs.push({ reporter: "junit", file: asked.junit });
  if (asked.html !== undefined) outputs.push({ reporter: "html", file: asked.html });
  if (!outputs.some((output) => output.file === undefined)) outputs.unshift({ reporter: "terminal" });
  return dedupe(outputs);
}

/** True when name is a known reporter (for config validation and "did you mean" messages). */
export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}

// One reporter asked for twice to the same place (a flag and its shorthand) writes once.
function dedupe(outputs: ReportOutput[]): ReportOutput[] {
  const seen = new Set<string>();
  return outputs.filter((output) => {
    const key = `${output.reporter}\0${output.file ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
