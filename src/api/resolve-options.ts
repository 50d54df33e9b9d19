// TwinOptions → ResolvedRunConfig, through the same schema and resolver as a config file and
// the flags: sections are validated (with the same messages), spec strings are parsed as
// `--old`/`--new` are, functions become in-process components, inputs become input records.
import { availableParallelism } from "node:os";
import path from "node:path";
import { componentFromValue } from "../../adapters/components.ts";
import { parseRunFlags } from "../config/flags.ts";
import { resolveLayerPaths } from "../config/layers.ts";
import { validateUserConfig } from "../config/load-config-file.ts";
import { resolveRunConfig } from "../config/resolve.ts";
import type { UserConfig } from "../config/schema.ts";
import { suggestClosest } from "../config/suggest.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { serialiseInputs } from "../inputs/in-memory.ts";
import type { ComponentSection, TwinComponent, TwinOptions } from "./types.ts";

const OPTION_KEYS = [
  "old",
  "new",
  "inputs",
  "input",
  "database",
  "env",
  "compare",
  "run",
  "gate",
  "report",
  "table",
  "dataset",
  "config",
  "cwd",
  "signal",
  "onTrial",
] as const;
const WHERE = "runTwin options";

/** Why: the API must mean exactly what the same settings mean in a config file. */
export async function resolveTwinOptions(options: TwinOptions): Promise<ResolvedRunConfig> {
  assertKnownKeys(options);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const components: Partial<Record<"old" | "new", ResolvedComponent>> = {};
  const config: UserConfig = {};
  for (const side of ["old", "new"] as const) {
    const given: TwinComponent | undefined = options[side];
    if (given === undefined) continue;
    // A live value (a function) is a component as it is; anything else is a spec or a section.
    const inMemory = componentFromValue(side, given, cwd);
    if (inMemory !== undefined) components[side] = inMemory;
    else config[side] = toSection(side, given, cwd);
  }
  if (options.inputs !== undefined && options.input?.path !== undefined) {
    throw new TwinrunError(
      "USAGE",
      `${WHERE}: give inputs (records in memory) or input.path (a file), not both`,
    );
  }
  const records = options.inputs === undefined ? undefined : serialiseInputs(options.inputs, "inputs");
  const input =
    records !== undefined && options.input?.sample === undefined && options.input?.strategy === undefined
      ? { ...options.input, sample: "all" as const }
      : options.input;
  Object.assign(
    config,
    dropUndefined({
      input,
      database: options.database,
      env: options.env,
      compare: options.compare,
      run: options.run,
      gate: options.gate,
      report: options.report,
      table: options.table,
      dataset: options.dataset,
    }),
  );
  const overrides = resolveLayerPaths(validateUserConfig(config, WHERE), cwd);
  return resolveRunConfig({
    flags: options.config === undefined ? {} : { config: options.config },
    cwd,
    env: process.env,
    cpuCount: availableParallelism(),
    overrides,
    components,
    ...(records !== undefined && { records }),
  });
}

function toSection(side: "old" | "new", given: TwinComponent, cwd: string): ComponentSection {
  if (typeof given === "string") {
    const layer = parseRunFlags({ [side]: given }, cwd).config[side];
    if (layer === undefined)
      throw new TwinrunError("USAGE", `${WHERE}: ${side}: expected a component, got ""`);
    return layer;
  }
  if (given !== null && typeof given === "object" && !Array.isArray(given)) return given as ComponentSection;
  throw new TwinrunError(
    "USAGE",
    `${WHERE}: ${side}: expected a function, a component spec string (e.g. "js:src/score.ts#score") or a ` +
      `component section (e.g. { adapter: "http", url: "http://127.0.0.1:8080/score" }), got ${describeValue(given)}`,
  );
}

function assertKnownKeys(options: TwinOptions): void {
  if (options === null || typeof options !== "object") {
    throw new TwinrunError(
      "USAGE",
      `${WHERE}: expected an options object like { old, new, inputs }, got ${describeValue(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if ((OPTION_KEYS as readonly string[]).includes(key)) continue;
    const hint = suggestClosest(key, OPTION_KEYS);
    throw new TwinrunError(
      "USAGE",
      `${WHERE}: unknown option ${JSON.stringify(key)}${hint === undefined ? "" : ` (did you mean "${hint}"?)`}; options are ${OPTION_KEYS.join(", ")}`,
    );
  }
  for (const side of ["old", "new"] as const) {
    // Without a config file, nothing else could name the component.
    if (options[side] === undefined && options.config === undefined) {
      throw new TwinrunError(
        "USAGE",
        `${WHERE}: missing the ${side} component (a function, a spec string or a section)`,
      );
    }
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
