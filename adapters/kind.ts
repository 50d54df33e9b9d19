// The contract of one adapter kind: everything twinrun knows about a way of running a component
// (its spelling on the command line, its config section, how the section is resolved, how it is
// kept in a report, how it is described and how it is started) lives in one definition per
// folder, and the registry (registry.ts) lists them. Config, replay, --base, the CLI and the API
// loop over the registry; none of them names a kind.
import type { z } from "zod";
import type { TableReference } from "../src/table/table-reference.ts";
import type { RecordAdapter, Side, TableAdapter } from "./types.ts";

/** What every resolved component has, whatever adapter runs it. */
export interface ResolvedComponentBase {
  /** The kind's name (`command`, `python`, …): which definition runs it. */
  adapter: string;
  /** Absolute working folder. */
  cwd: string;
  /** Extra environment for this side (on top of the shared environment). */
  env: Record<string, string>;
  label: string;
  /** A shell command run once in cwd before the component starts (e.g. `npm ci`); a failure is exit 3. */
  setup?: string;
}

/** The keys every config section has, whatever its kind (see shared/component-keys.ts). */
export interface CommonSectionKeys {
  adapter?: string;
  cwd?: string;
  env?: Record<string, string | number | boolean>;
  label?: string;
  setup?: string;
}

/** What resolving a section may read besides the section. */
export interface ResolveContext {
  /** Folder a component's cwd defaults to (the config file's folder, else the working folder). */
  baseDir: string;
  /** The config file's name as the user knows it, for messages. */
  configName: string;
  /** The process environment (e.g. TWINRUN_PYTHON). */
  env: NodeJS.ProcessEnv;
  /** The folder twinrun runs in. */
  cwd: string;
  /** The run's database (`--database` / `database`), as given (a duckdb: path made absolute). */
  database?: string;
}

/** Run-wide settings every adapter receives when it is created. */
export interface AdapterRunSettings {
  /** Environment both sides share; a component's own env is laid over it. */
  sharedEnv: Record<string, string>;
  /** timeoutMs: per input (record adapters) or per whole run (table adapters); 0 = none. */
  runner: { concurrency: number; timeoutMs: number; outputLimitChars: number };
}

/**
 * How a component runs, which also decides the run's kind:
 * - records: a record adapter, one trial per input, outputs compared value by value;
 * - batches: a record adapter fed batches of inputs, each output a table, compared as tables;
 * - table: a table adapter, run once on the sample file, its output table compared as a table;
 * - query: a query run in a database, its result compared as a table where it lives (no input source).
 */
export type RunShape = "records" | "batches" | "table" | "query";

/** The command-line (and API string) spelling of a kind, e.g. `py:<module>:<function>`. */
export interface SpecSyntax<Section> {
  /** How the spelling looks, for docs and messages. */
  grammar: string;
  /** True when the text is spelled this way (the default kind matches whatever no other kind does). */
  matches(text: string): boolean;
  /** The config section the text stands for (paths absolute against cwd); throws a USAGE error naming the flag. */
  parse(text: string, flag: string, cwd: string): Section;
}

/** One adapter kind. Section: its config section; Resolved: its resolved component. */
export interface AdapterKind<
  Name extends string = string,
  Section extends CommonSectionKeys = CommonSectionKeys,
  Resolved extends ResolvedComponentBase = ResolvedComponentBase,
> {
  name: Name;
  /** One line on what it runs, for messages and docs. */
  summary: string;
  /** Its spelling in `--old`/`--new` and API strings; absent: it has none. */
  spec?: SpecSyntax<Section>;
  /** Its config section; absent: it cannot be written in a config file (an in-memory function). */
  schema?: (side: Side) => z.ZodObject;
  /** Keys a section holds that only tune the component (with --base, an old side of only these is derived from new). */
  tuningKeys?: readonly string[];
  /** Makes the section's own paths absolute (cwd is done for every kind); absent: it has no other paths. */
  resolvePaths?(section: Section, baseDir: string): Section;
  /** The fully populated component; throws a USAGE error naming the key or flag that is missing. */
  resolve?(side: Side, section: Section, context: ResolveContext): Resolved;
  /** Takes a value the API was handed (e.g. a function) as a component; undefined: not of this kind. */
  fromValue?(side: Side, value: unknown, cwd: string): Resolved | undefined;
  /**
   * Both sides resolved, when either is of this kind: checks what must agree across the sides
   * and returns them aligned (e.g. one batch size for both); throws a USAGE error otherwise.
   */
  alignSides?(
    sides: [ResolvedComponentBase, ResolvedComponentBase],
    configName: string,
  ): [ResolvedComponentBase, ResolvedComponentBase];
  /** The section a report keeps, so that --replay reruns the same component; secrets redacted. */
  settingsOf(component: Resolved): Section | { label: string };
  /** A short description for reports, e.g. `python3 f.py (worker)`. */
  describe(component: Resolved): string;
  /**
   * --base: keys whose values name things rather than locate them (never rebased), and keys
   * rebased into the worktree only when the worktree really holds the path (an interpreter).
   */
  rebase?: { keep?: readonly string[]; ifPresent?: readonly string[] };
  /** How this component runs (see RunShape). */
  shapeOf(component: Resolved): RunShape;
  /** The record adapter of a component of shape records or batches. */
  createRecordAdapter?(side: Side, component: Resolved, settings: AdapterRunSettings): RecordAdapter;
  /** The table adapter of a component of shape table. */
  createTableAdapter?(side: Side, component: Resolved, settings: AdapterRunSettings): TableAdapter;
  /**
   * A component of shape query: its result as a reference into its database, read when the run
   * starts (with --base, from the ref); throws a USAGE error naming what is wrong with it.
   */
  tableReferenceOf?(side: Side, component: Resolved): Promise<TableReference>;
}

/** The resolved component type of a kind. */
export type ResolvedOf<Kind> =
  Kind extends AdapterKind<string, infer _Section, infer Resolved> ? Resolved : never;

/** The config section type of a kind (never for a kind without one). */
export type SectionOf<Kind> =
  Kind extends AdapterKind<string, infer Section, infer _Resolved> ? Section : never;

/** Why: a definition written with this keeps its own types while the registry sees the common contract. */
export function defineAdapterKind<
  Name extends string,
  Section extends CommonSectionKeys,
  Resolved extends ResolvedComponentBase & { adapter: Name },
>(kind: AdapterKind<Name, Section, Resolved>): AdapterKind<Name, Section, Resolved> {
  return kind;
}
