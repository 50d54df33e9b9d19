// Comparing two table files: both are loaded into one engine, compared there, and the engine is
// closed (its spill folder removed). Used by `twinrun diff` and by dataset mode on the outputs.
import { compareLoadedTables } from "./engine/compare-loaded-tables.ts";
import { loadTable } from "./engine/load-table.ts";
import { withTableEngine } from "./engine/table-engine.ts";
import type { TableComparisonOptions, TableComparisonResult } from "./table-comparison.ts";
import type { TableFileInfo, TableFormat, TableReport } from "./types.ts";

export interface TableFilesRequest {
  old: { path: string; format: TableFormat };
  new: { path: string; format: TableFormat };
  csvStrings: boolean;
  comparison: TableComparisonOptions;
}

/** The result, with the files read and their sha256 in `table.files`. */
export type TableFilesResult = TableComparisonResult & {
  table: TableReport & { files: { old: TableFileInfo; new: TableFileInfo } };
};

/** Why: whatever their formats, two files become one comparison inside the memory limit. */
export async function compareTableFiles(request: TableFilesRequest): Promise<TableFilesResult> {
  return withTableEngine({ memoryLimit: request.comparison.memoryLimit }, async (engine) => {
    const oldTable = await loadTable(engine, "old", request.old.path, request.old.format, request.csvStrings);
    const newTable = await loadTable(engine, "new", request.new.path, request.new.format, request.csvStrings);
    const result = await compareLoadedTables(engine, oldTable, newTable, request.comparison);
    const info = (side: typeof oldTable): TableFileInfo => ({
      path: side.path,
      format: side.format,
      sha256: side.facts.sha256,
    });
    return { ...result, table: { ...result.table, files: { old: info(oldTable), new: info(newTable) } } };
  });
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
