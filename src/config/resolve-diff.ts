// resolveDiffConfig: `twinrun diff` reads the same compare/gate/report/table settings as `run`
// (from a config file and flags), but its inputs are two output files instead of components.
import path from "node:path";
import type { CompareOptions } from "../compare/types.ts";
import type { ReportOutput } from "../reporters/outputs.ts";
import { isTableReference, parseTableReference, type TableReference } from "../table/table-reference.ts";
import { TABLE_FORMATS, type TableFormat } from "../table/types.ts";
import { deepFreeze } from "./deep-freeze.ts";
import { parseChoice } from "./flag-grammars.ts";
import { parseRunFlags } from "./flags.ts";
import { mergeLayers, resolveLayerPaths } from "./layers.ts";
import { findConfigFile, loadConfigFile } from "./load-config-file.ts";
import { parseMaxChanged } from "./max-changed.ts";
import type { DiffFlags } from "./options/table.ts";
import { DEFAULT_EXAMPLES, outputsOf, resolveCompare } from "./resolve.ts";
import { resolveTableSection } from "./resolve-tables.ts";
import type { UserConfig } from "./schema.ts";
import type { MaxChanged, ResolvedTableConfig } from "./types.ts";

export type { DiffFlags };

export interface ResolvedDiffConfig {
  /** The old table file (for a table reference: its DuckDB file, or the Postgres URL without its password). */
  oldPath: string;
  newPath: string;
  /** The side's table reference (`duckdb:<file>?table=…`, `postgresql://…?table=…`), when it is not a table file. */
  oldReference?: TableReference;
  newReference?: TableReference;
  /** Format of both files (`--format`); undefined: told by each file's extension. References ignore it. */
  format?: TableFormat;
  /** The same as table.key (kept for the record-by-record diff): fields that match records; absent: by position. */
  key?: string[];
  /** How the two files are compared as tables: key columns, column order, PSI gate. */
  table: ResolvedTableConfig;
  csvStrings: boolean;
  compare: CompareOptions;
  gate: { maxChanged: MaxChanged };
  report: { json?: string; examples: number; save: boolean; outputs: ReportOutput[] };
}

/** The settings of one `twinrun diff`; flags win over the config file's compare/gate/report/table. */
export async function resolveDiffConfig(args: {
  oldPath: string;
  newPath: string;
  flags: DiffFlags;
  cwd: string;
}): Promise<ResolvedDiffConfig> {
  const { flags, cwd } = args;
  // --format takes parquet here (an output file), which run's input --format does not.
  const { format: formatFlag, ...otherFlags } = flags;
  const format =
    formatFlag === undefined ? undefined : parseChoice("--format", String(formatFlag), TABLE_FORMATS);
  const flagLayer = parseRunFlags(otherFlags, cwd);
  const configRef = await findConfigFile(cwd, flags.config);
  const loaded = configRef === undefined ? undefined : await loadConfigFile(configRef);
  const base: UserConfig =
    loaded === undefined ? {} : resolveLayerPaths(loaded.config, path.dirname(loaded.file));
  const merged = mergeLayers(base, flagLayer.config);
  const table = resolveTableSection(merged);
  const oldReference = isTableReference(args.oldPath) ? parseTableReference(args.oldPath, cwd) : undefined;
  const newReference = isTableReference(args.newPath) ? parseTableReference(args.newPath, cwd) : undefined;
  return deepFreeze({
    oldPath: referencePath(oldReference) ?? path.resolve(cwd, args.oldPath),
    newPath: referencePath(newReference) ?? path.resolve(cwd, args.newPath),
    ...(oldReference !== undefined && { oldReference }),
    ...(newReference !== undefined && { newReference }),
    ...(format !== undefined && { format }),
    ...(table.key !== undefined && { key: [...table.key] }),
    table,
    csvStrings: flags.csvStrings === true,
    compare: resolveCompare(merged),
    gate: { maxChanged: parseMaxChanged(merged.gate?.maxChanged ?? 0, "gate.maxChanged") },
    report: {
      ...(merged.report?.json !== undefined && { json: merged.report.json }),
      examples: merged.report?.examples ?? DEFAULT_EXAMPLES,
      save: merged.report?.save ?? true,
      outputs: outputsOf(merged, cwd),
    },
  });
}

/** What stands for a reference's file: the DuckDB file, or the Postgres URL as it may be shown. */
function referencePath(reference: TableReference | undefined): string | undefined {
  if (reference === undefined) return undefined;
  return reference.kind === "duckdb" ? reference.path : reference.display;
}
