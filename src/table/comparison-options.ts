// The options of a table comparison, built the same way by `twinrun diff`, dataset mode and the
// dataframe style from their resolved settings.
import type { CompareOptions } from "../compare/types.ts";
import type { TableComparisonOptions } from "./table-comparison.ts";

/** The resolved `table` section (key columns, column order, PSI gate). */
export interface TableSettings {
  key?: readonly string[];
  columnOrder: boolean;
  ignoreColumnCase?: boolean;
  psiMax?: number;
  memoryLimit: string;
  pushdown?: boolean;
}

/** Why: one mapping from settings to comparison options, so the three entries never drift apart. */
export function tableComparisonOptions(
  compare: CompareOptions,
  table: TableSettings,
  maxExamples: number,
): TableComparisonOptions {
  const { key, columnOrder, ignoreColumnCase, psiMax, memoryLimit, pushdown } = table;
  return {
    compare,
    match: key === undefined || key.length === 0 ? { by: "position" } : { by: "key", key: [...key] },
    columnOrder,
    ...(ignoreColumnCase === true && { ignoreColumnCase: true }),
    ...(psiMax !== undefined && { psiMax }),
    maxExamples,
    memoryLimit,
    ...(pushdown === false && { pushdown: false }),
  };
}
