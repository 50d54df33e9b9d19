// Two SQL components: each side's query runs in its database and its result is that side's
// output table. The two results are compared as any two database tables are: inside Postgres when
// both live in one database (pushdown), else streamed into the embedded engine. No input source
// is read and no sample file written; key, rules, gate, report and accepted differences are those
// of every table comparison.
import { describeComponent, tableReferenceOf } from "../../adapters/components.ts";
import { AcceptanceTracker } from "../accept/tracker.ts";
import type { AcceptedFile } from "../accept/types.ts";
import { findUnusedTableRules } from "../compare/rule-usage.ts";
import { settingsForReport } from "../config/replay.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { buildReport } from "../report/build-report.ts";
import type { Report } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { compareTableFiles } from "../table/compare-table-files.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import { describeTableReference, type TableReference } from "../table/table-reference.ts";
import { configForSettings, listSetupSteps, prepareSides } from "./prepare-sides.ts";
import type { RunHooks } from "./run-components.ts";
import { runSetupSteps } from "./run-setup.ts";

/** Why: a SQL refactor is judged on its results where they live; only findings and examples leave the database. */
export async function runQueries(
  config: ResolvedRunConfig,
  hooks: RunHooks,
  accepted: AcceptedFile | undefined,
  startedAt: number,
): Promise<Report> {
  // With --base the old query is read from the ref's worktree, like any component's files.
  const sides = await prepareSides(config);
  try {
    await runSetupSteps(listSetupSteps(config, sides), { signal: hooks.signal, onSetup: hooks.onSetup });
    const settings = settingsForReport(configForSettings(config, sides));
    const [oldReference, newReference] = await readReferences(sides);
    const acceptance =
      accepted === undefined
        ? undefined
        : new AcceptanceTracker(accepted, { strict: config.gate.strictAccepted });
    const { aggregate, table, schemaChanged } = await compareTableFiles({
      old: { reference: oldReference },
      new: { reference: newReference },
      csvStrings: false,
      comparison: {
        ...tableComparisonOptions(config.compare, config.table, config.report.examples),
        ...(acceptance !== undefined && {
          onTrial: (trial: TrialResult) => acceptance.add(trial.comparison.differences),
        }),
      },
    });
    const acceptedReport = acceptance?.result(aggregate.summary.trials);
    return buildReport({
      kind: "tables",
      settings,
      components: {
        old: { label: sides.old.label, spec: describeComponent(config.old) },
        new: { label: sides.new.label, spec: describeComponent(config.new) },
      },
      // The "sample" is every row of the new query's result, as `twinrun diff` names the new table.
      sample: {
        source: describeTableReference(newReference),
        format: newReference.kind,
        sha256: table.files.new.sha256,
        strategy: "all",
        size: aggregate.summary.trials,
        seed: config.input.seed,
        indices: [],
        totalRecords: table.rows.new,
        skipped: 0,
      },
      summary: aggregate.summary,
      paths: aggregate.paths,
      examples: aggregate.examples,
      ...(aggregate.inconclusive !== undefined && { inconclusive: aggregate.inconclusive }),
      ...(acceptedReport !== undefined && { accepted: acceptedReport }),
      timing: { ...aggregate.timing, wallMs: Date.now() - startedAt },
      maxChanged: config.gate.maxChanged,
      complete: true,
      ...(sides.worktree !== undefined && {
        base: { ref: sides.worktree.ref, commit: sides.worktree.commit },
      }),
      table: { table, schemaChanged },
      unusedRules: findUnusedTableRules(
        config.compare.rules,
        table.schema.columns,
        config.table.ignoreColumnCase,
      ),
    });
  } finally {
    await sides.close();
  }
}

/**
 * Both sides' tables, read at once; when both fail, a side's own mistake (a missing SQL file, a
 * usage error) is named before the database's answer, as it is the first thing to fix.
 */
async function readReferences(sides: { old: ResolvedComponent; new: ResolvedComponent }) {
  const settled = await Promise.allSettled([
    tableReferenceOf("old", sides.old),
    tableReferenceOf("new", sides.new),
  ]);
  const failures = settled.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  const first =
    failures.find((reason) => reason instanceof TwinrunError && reason.code === "USAGE") ?? failures[0];
  if (failures.length > 0) throw first;
  return settled.map((result) => (result as PromiseFulfilledResult<TableReference>).value) as [
    TableReference,
    TableReference,
  ];
}
