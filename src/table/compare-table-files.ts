// Comparing two table files: the old file is read into the comparison first, then the new file
// streams through it. Used by `twinrun diff` and by dataset mode on the components' outputs.
import type { TableRowSink } from "./read-table.ts";
import { readTable } from "./readers/index.ts";
import {
  TableComparison,
  type TableComparisonOptions,
  type TableComparisonResult,
} from "./table-comparison.ts";
import type { TableFileInfo, TableFormat, TableReport } from "./types.ts";

export interface TableFilesRequest {
  old: { path: string; format: TableFormat };
  new: { path: string; format: TableFormat };
  csvStrings: boolean;
  comparison: Omit<TableComparisonOptions, "names">;
}

/** The result, with the files read and their sha256 in `table.files`. */
export type TableFilesResult = TableComparisonResult & {
  table: TableReport & { files: { old: TableFileInfo; new: TableFileInfo } };
};

/** Why: holds one file (compactly), streams the other, whatever their formats. */
export async function compareTableFiles(request: TableFilesRequest): Promise<TableFilesResult> {
  const comparison = new TableComparison({
    ...request.comparison,
    names: { old: request.old.path, new: request.new.path },
  });
  // Old first, whole, then new: the comparison holds old and streams new past it.
  const read = async (side: "old" | "new"): Promise<TableFileInfo> => {
    const { path, format } = request[side];
    const sink: TableRowSink =
      side === "old"
        ? { row: (line, row) => comparison.addOld(line, row) }
        : { row: (line, row) => comparison.addNew(line, row) };
    const summary = await readTable(path, format, sink, { csvStrings: request.csvStrings });
    comparison.declareColumns(side, summary.columns);
    return { path, format, sha256: summary.sha256 };
  };
  const oldFile = await read("old");
  const newFile = await read("new");
  const result = comparison.finish();
  return { ...result, table: { ...result.table, files: { old: oldFile, new: newFile } } };
}
