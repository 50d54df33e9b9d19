// resolveDiffConfig: `twinrun diff` reads the same compare/gate/report settings as `run`
// (from a config file and flags), but its inputs are two output files instead of components.
import path from "node:path";
import type { CompareOptions } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import type { InputFormat } from "../inputs/types.ts";
import { deepFreeze } from "./deep-freeze.ts";
import { parseRunFlags, type RunFlags } from "./flags.ts";
import { mergeLayers, resolveLayerPaths } from "./layers.ts";
import { findConfigFile, loadConfigFile } from "./load-config-file.ts";
import { parseMaxChanged } from "./max-changed.ts";
import { DEFAULT_EXAMPLES, resolveCompare } from "./resolve.ts";
import type { UserConfig } from "./schema.ts";
import type { MaxChanged } from "./types.ts";

export type DiffFlags = Pick<
  RunFlags,
  | "format"
  | "csvStrings"
  | "abs"
  | "rel"
  | "exact"
  | "ignore"
  | "tol"
  | "unordered"
  | "json"
  | "examples"
  | "maxChanged"
  | "config"
  | "save"
> & { key?: string };

export interface ResolvedDiffConfig {
  oldPath: string;
  newPath: string;
  format?: InputFormat;
  /** Fields that match records across the files; absent: match by position. */
  key?: string[];
  csvStrings: boolean;
  compare: CompareOptions;
  gate: { maxChanged: MaxChanged };
  report: { json?: string; examples: number; save: boolean };
}

/** The settings of one `twinrun diff`; flags win over the config file's compare/gate/report. */
export async function resolveDiffConfig(args: {
  oldPath: string;
  newPath: string;
  flags: DiffFlags;
  cwd: string;
}): Promise<ResolvedDiffConfig> {
  const { flags, cwd } = args;
  const flagLayer = parseRunFlags(flags, cwd);
  const configRef = await findConfigFile(cwd, flags.config);
  const loaded = configRef === undefined ? undefined : await loadConfigFile(configRef);
  const base: UserConfig =
    loaded === undefined ? {} : resolveLayerPaths(loaded.config, path.dirname(loaded.file));
  const merged = mergeLayers(base, flagLayer.config);
  const key = flags.key === undefined ? undefined : parseKeyFlag(flags.key);
  return deepFreeze({
    oldPath: path.resolve(cwd, args.oldPath),
    newPath: path.resolve(cwd, args.newPath),
    ...(merged.input?.format !== undefined && flags.format !== undefined && { format: merged.input.format }),
    ...(key !== undefined && { key }),
    csvStrings: flags.csvStrings === true,
    compare: resolveCompare(merged),
    gate: { maxChanged: parseMaxChanged(merged.gate?.maxChanged ?? 0, "gate.maxChanged") },
    report: {
      ...(merged.report?.json !== undefined && { json: merged.report.json }),
      examples: merged.report?.examples ?? DEFAULT_EXAMPLES,
      save: merged.report?.save ?? true,
    },
  });
}

function parseKeyFlag(value: string): string[] {
  const fields = value.split(",").map((field) => field.trim());
  if (fields.some((field) => field === "")) {
    throw new TwinrunError(
      "USAGE",
      `--key: expected field names separated by commas (e.g. id or id,date), got "${value}"`,
    );
  }
  return fields;
}
