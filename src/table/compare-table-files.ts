// Comparing two table files: both are loaded into one engine, compared there, and the engine is
// closed (its spill folder removed). Used by `twinrun diff` and by dataset mode on the outputs.
import { compareLoadedTables } from "./engine/compare-loaded-tables.ts";
import { loadDuckdbTable } from "./engine/load-duckdb-table.ts";
import { loadPostgresTable } from "./engine/load-postgres-table.ts";
import { type LoadedTable, loadTable } from "./engine/load-table.ts";
import { type TableEngine, withTableEngine } from "./engine/table-engine.ts";
import { compareByPushdown, pushdownReferences } from "./pushdown/push-down.ts";
import type { TableComparisonOptions, TableComparisonResult } from "./table-comparison.ts";
import { describeTableReference, type TableReference } from "./table-reference.ts";
import type { TableFileInfo, TableFormat, TableReport } from "./types.ts";

/** One side: a table file in a format, or a table reference into a DuckDB or Postgres database. */
export type TableSide = { path: string; format: TableFormat } | { reference: TableReference };

export interface TableFilesRequest {
  old: TableSide;
  new: TableSide;
  csvStrings: boolean;
  comparison: TableComparisonOptions;
}

/** The result, with the files read and their sha256 in `table.files`. */
export type TableFilesResult = TableComparisonResult & {
  table: TableReport & { files: { old: TableFileInfo; new: TableFileInfo } };
};

/** Why: whatever their formats, two files become one comparison inside the memory limit. */
export async function compareTableFiles(request: TableFilesRequest): Promise<TableFilesResult> {
  const referenceOf = (side: TableSide) => ("reference" in side ? side.reference : undefined);
  const pushdown = pushdownReferences(referenceOf(request.old), referenceOf(request.new), request.comparison);
  const pushed = pushdown === undefined ? undefined : await compareByPushdown(pushdown, request.comparison);
  if (pushed !== undefined && !("declined" in pushed)) {
    const { files, engine, ...result } = pushed;
    return { ...result, table: { ...result.table, engine, files } };
  }
  const declined = pushed?.declined;
  const streamed = (["old", "new"] as const).filter(
    (side) => referenceOf(request[side])?.kind === "postgres",
  );
  return withTableEngine({ memoryLimit: request.comparison.memoryLimit }, async (engine) => {
    const oldTable = await loadSide(engine, "old", request.old, request.csvStrings);
    const newTable = await loadSide(engine, "new", request.new, request.csvStrings);
    const result = await compareLoadedTables(engine, oldTable, newTable, request.comparison);
    const info = (side: typeof oldTable, source: TableSide): TableFileInfo => ({
      path: side.path,
      format: side.format,
      sha256: side.facts.sha256,
      ...("reference" in source && { reference: describeTableReference(source.reference) }),
    });
    return {
      ...result,
      table: {
        ...result.table,
        ...(streamed.length > 0 && {
          engine: { kind: "embedded" as const, streamed, ...(declined !== undefined && { declined }) },
        }),
        files: { old: info(oldTable, request.old), new: info(newTable, request.new) },
      },
    };
  });
}

function loadSide(
  engine: TableEngine,
  side: "old" | "new",
  source: TableSide,
  csvStrings: boolean,
): Promise<LoadedTable> {
  if (!("reference" in source)) return loadTable(engine, side, source.path, source.format, csvStrings);
  return source.reference.kind === "duckdb"
    ? loadDuckdbTable(engine, side, source.reference)
    : loadPostgresTable(engine, side, source.reference);
}

/** Why: whether a file can be read as a table at all (dataset mode judges each output); the problem, or undefined. */
export async function probeTableFile(
  path: string,
  format: TableFormat,
  csvStrings: boolean,
  memoryLimit: string,
): Promise<unknown | undefined> {
  try {
    await withTableEngine({ memoryLimit }, (engine) => loadTable(engine, "old", path, format, csvStrings));
    return undefined;
  } catch (error) {
    return error;
  }
}
