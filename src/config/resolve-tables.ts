// The table side of resolving a run: dataset mode is for both sides or neither, the `dataset`
// section only means something in dataset mode, and the `table` section's key also serves a
// Python dataframe component that names no key of its own.
import { shapeOf } from "../../adapters/components.ts";
import { isPythonFunctionComponent } from "../../adapters/python/types.ts";
import { TwinrunError } from "../errors.ts";
import { DEFAULT_MEMORY_LIMIT } from "../table/engine/table-engine.ts";
import type { UserConfig } from "./schema.ts";
import type { ResolvedComponent, ResolvedDatasetConfig, ResolvedTableConfig } from "./types.ts";

// Each dataset key with its flag, for messages.
const DATASET_FLAGS = {
  format: "--dataset-format",
  outputFormat: "--output-format",
  keepTemp: "--keep-temp",
  repeat: "--repeat",
};

/** True when a component runs in dataset mode (once on the sample file, through a table adapter). */
export function isDatasetComponent(component: ResolvedComponent): boolean {
  return shapeOf(component) === "table";
}

/** True when a component is a query run in a database: its result is compared where it lives. */
export function isQueryComponent(component: ResolvedComponent): boolean {
  return shapeOf(component) === "query";
}

/**
 * Why: a query's result lives in its database and takes no input, so it is compared with another
 * query's result only. Returns whether the run compares two queries; throws when one side is not.
 */
export function checkQuerySides(
  oldComponent: ResolvedComponent,
  newComponent: ResolvedComponent,
  configName: string,
): boolean {
  const oldQuery = isQueryComponent(oldComponent);
  if (oldQuery === isQueryComponent(newComponent)) return oldQuery;
  const [query, other, otherComponent] = oldQuery
    ? (["old", "new", newComponent] as const)
    : (["new", "old", oldComponent] as const);
  throw new TwinrunError(
    "USAGE",
    `${query} is a SQL query run in the database, but ${other} is a ${otherComponent.adapter} component: ` +
      `a query's result is compared with another query's, so give both sides as sql:<file.sql> ` +
      `(--${other} sql:…, or ${other}.adapter: sql in ${configName})`,
  );
}

/**
 * Why: dataset mode runs each side once and compares two output tables; a record-mode side has
 * no table to compare. Returns whether the run is a dataset run; throws when only one side is.
 */
export function checkDatasetSides(
  oldComponent: ResolvedComponent,
  newComponent: ResolvedComponent,
  configName: string,
): boolean {
  const oldDataset = isDatasetComponent(oldComponent);
  if (oldDataset === isDatasetComponent(newComponent)) return oldDataset;
  const [dataset, other, otherComponent] = oldDataset
    ? (["old", "new", newComponent] as const)
    : (["new", "old", oldComponent] as const);
  const what =
    otherComponent.adapter === "command"
      ? `${other}.mode is "${otherComponent.mode}"`
      : `${other} is a ${otherComponent.adapter} component (${other}.adapter: ${otherComponent.adapter})`;
  const fix =
    otherComponent.adapter === "command"
      ? `set ${other}.mode: dataset in ${configName}, or give --mode dataset for both`
      : `make ${other} a command with mode: dataset in ${configName}, or run both sides in record mode`;
  throw new TwinrunError(
    "USAGE",
    `${dataset}.mode is "dataset" but ${what}: dataset mode runs each side once on the whole sample and ` +
      `compares their output tables, so both sides must use it (${fix})`,
  );
}

/** Why: the sample and output files of dataset mode, defaulted; a dataset key in a record run is an error. */
export function resolveDatasetSection(
  merged: UserConfig,
  datasetRun: boolean,
  configName: string,
): ResolvedDatasetConfig {
  const section = merged.dataset ?? {};
  if (!datasetRun) {
    const given = (Object.keys(DATASET_FLAGS) as (keyof typeof DATASET_FLAGS)[]).find(
      (key) => section[key] !== undefined,
    );
    if (given !== undefined) {
      throw new TwinrunError(
        "USAGE",
        `dataset.${given} (${DATASET_FLAGS[given]}) applies to dataset mode, but neither component runs in it: ` +
          `set mode: dataset on both sides (--mode dataset), or remove dataset.${given} from ${configName} (or the flag)`,
      );
    }
  }
  return {
    ...(section.format !== undefined && { format: section.format }),
    ...(section.outputFormat !== undefined && { outputFormat: section.outputFormat }),
    keepTemp: section.keepTemp ?? false,
    repeat: section.repeat ?? 1,
  };
}

/** Why: how tables are compared, defaulted once (`key: id` becomes `["id"]`). */
export function resolveTableSection(merged: UserConfig): ResolvedTableConfig {
  const section = merged.table ?? {};
  return {
    ...(section.key !== undefined && { key: [section.key].flat() }),
    columnOrder: section.columnOrder ?? false,
    ignoreColumnCase: section.ignoreColumnCase ?? false,
    ...(section.psiMax !== undefined && { psiMax: section.psiMax }),
    memoryLimit: section.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    pushdown: section.pushdown ?? true,
  };
}

/**
 * Why: a Python dataframe component compares tables too; without a `key` of its own (which wins
 * for it) it uses table.key, so one `table: { key: id }` serves every kind of table comparison.
 */
export function applyTableKey(
  sides: [ResolvedComponent, ResolvedComponent],
  table: ResolvedTableConfig,
): [ResolvedComponent, ResolvedComponent] {
  const withKey = (component: ResolvedComponent): ResolvedComponent =>
    isPythonFunctionComponent(component) &&
    component.style === "dataframe" &&
    component.key === undefined &&
    table.key !== undefined
      ? { ...component, key: [...table.key] }
      : component;
  return [withKey(sides[0]), withKey(sides[1])];
}

const TABLE_FLAGS = {
  key: "--key",
  columnOrder: "--column-order",
  ignoreColumnCase: "--ignore-column-case",
  psiMax: "--psi-max",
  memoryLimit: "--memory-limit",
  pushdown: "--no-pushdown",
} as const;

/**
 * Why: a table flag on a run that compares outputs input by input would silently do nothing.
 * Only flags are checked: a config file's `table` section may be there for `twinrun diff`.
 */
export function checkTableFlags(
  flagTable: UserConfig["table"],
  sides: [ResolvedComponent, ResolvedComponent],
  datasetRun: boolean,
): void {
  if (flagTable === undefined || datasetRun) return;
  const [oldComponent] = sides;
  if (shapeOf(oldComponent) === "batches") return;
  const given = (Object.keys(TABLE_FLAGS) as (keyof typeof TABLE_FLAGS)[]).find(
    (key) => flagTable[key] !== undefined,
  );
  if (given === undefined) return;
  throw new TwinrunError(
    "USAGE",
    `${TABLE_FLAGS[given]} applies to table comparisons (mode dataset, the Python dataframe style, twinrun diff), ` +
      "but this run compares outputs input by input: remove the flag, or run both sides with --mode dataset",
  );
}
