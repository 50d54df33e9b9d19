// Comparing two table files: the old file is read into the comparison first, then the new file
// streams through it. Used by `twinrun diff` and by dataset mode on the components' outputs.
import { readTable } from "./readers/index.ts";
import {
  TableComparison,
  type TableComparisonOptions,
  type TableComparisonResult,
} from "./table-comparison.ts";
import type { TableFileInfo, TableFormat } from "./types.ts";

export interface TableFilesRequest {
  old: { path: string; format: TableFormat };
  new: { path: string; format: TableFormat };
  csvStrings: boolean;
  comparison: Omit<TableComparisonOptions, "names">;
}

/** Why: holds one file (compactly), streams the other, whatever their formats. */
export async function compareTableFiles(
  request: TableFilesRequest,
): Promise<TableComparisonResult & { files: { old: TableFileInfo; new: TableFileInfo } }> {
  const comparison = new TableComparison({
    ...request.comparison,
    names: { old: request.old.path, new: request.new.path },
  });
  const options = { csvStrings: request.csvStrings };
  const oldSummary = await readTable(
    request.old.path,
    request.old.format,
    { row: (line, row) => comparison.addOld(line, row) },
    options,
  );
  comparison.declareColumns("old", oldSummary.columns);
  const newSummary = await readTable(
    request.new.path,
    request.new.format,
    { row: (line, row) => comparison.addNew(line, row) },
    options,
  );
  comparison.declareColumns("new", newSummary.columns);
  const result = comparison.finish();
  const files = {
    old: { path: request.old.path, format: request.old.format, sha256: oldSummary.sha256 },
    new: { path: request.new.path, format: request.new.format, sha256: newSummary.sha256 },
  };
  return { ...result, table: { ...result.table, files }, files };
}
