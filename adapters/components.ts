// What the core asks of a component, answered by the component's kind in the registry: no code
// outside an adapter's folder names a kind.
import path from "node:path";
import { TwinrunError } from "../src/errors.ts";
import type { TableReference } from "../src/table/table-reference.ts";
import type {
  AdapterKind,
  AdapterRunSettings,
  CommonSectionKeys,
  ResolveContext,
  ResolvedComponentBase,
  RunShape,
} from "./kind.ts";
import { type ComponentSection, KINDS, type ResolvedComponent } from "./registry.ts";
import type { RecordAdapter, Side, TableAdapter } from "./types.ts";

/** The default kind: a section without `adapter`, a spec no other spelling matches. */
export const DEFAULT_KIND: AdapterKind = KINDS[0]!;

/** The kind of a name; a twinrun bug for a name no kind has (config validation lets none through). */
export function kindNamed(name: string): AdapterKind {
  const kind = KINDS.find((candidate) => candidate.name === name);
  if (kind === undefined) throw new Error(`twinrun bug: no adapter kind is named ${JSON.stringify(name)}`);
  return kind;
}

/** The kind that runs a resolved component. */
export function kindOf(component: ResolvedComponentBase): AdapterKind {
  return kindNamed(component.adapter);
}

/** The kind a config section names: its `adapter`, else the default kind. */
export function kindOfSection(section: CommonSectionKeys): AdapterKind {
  return section.adapter === undefined ? DEFAULT_KIND : kindNamed(section.adapter);
}

/** The kinds that can be written in a config file, in registry order (for the config schema). */
export function configurableKinds(): AdapterKind[] {
  return KINDS.filter((kind) => kind.schema !== undefined);
}

/** Why: `--old`/`--new` and API strings take any kind's spelling; the first that matches wins. */
export function parseComponentSpec(text: string, flag: string, cwd: string): ComponentSection {
  const kind = KINDS.find((candidate) => candidate !== DEFAULT_KIND && candidate.spec?.matches(text));
  const syntax = (kind ?? DEFAULT_KIND).spec;
  if (syntax === undefined) throw new Error("twinrun bug: the default adapter kind has no spec syntax");
  return syntax.parse(text, flag, cwd) as ComponentSection;
}

/** Why: the API takes live values (functions) as components; undefined when no kind takes this one. */
export function componentFromValue(side: Side, value: unknown, cwd: string): ResolvedComponent | undefined {
  for (const kind of KINDS) {
    const component = kind.fromValue?.(side, value, cwd);
    if (component !== undefined) return component as ResolvedComponent;
  }
  return undefined;
}

/** Why: config-file paths are relative to the file; each kind makes its own paths absolute. */
export function resolveSectionPaths<S extends CommonSectionKeys>(section: S, baseDir: string): S {
  const withCwd =
    section.cwd === undefined ? section : { ...section, cwd: path.resolve(baseDir, section.cwd) };
  const kind = kindOfSection(section);
  return (kind.resolvePaths?.(withCwd, baseDir) ?? withCwd) as S;
}

/** Why: a merged section becomes the fully populated component its kind runs. */
export function resolveComponentSection(
  side: Side,
  section: CommonSectionKeys,
  context: ResolveContext,
): ResolvedComponent {
  const kind = kindOfSection(section);
  if (kind.resolve === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component: adapter "${kind.name}" (${kind.summary}) cannot be configured in ${context.configName}`,
    );
  }
  return kind.resolve(side, section, context) as ResolvedComponent;
}

/** Why: what must agree across the two sides is checked by the kinds of either side. */
export function alignSides(
  sides: [ResolvedComponent, ResolvedComponent],
  configName: string,
): [ResolvedComponent, ResolvedComponent] {
  const kinds = [...new Set([kindOf(sides[0]), kindOf(sides[1])])];
  return kinds.reduce(
    (current, kind) =>
      (kind.alignSides?.(current, configName) ?? current) as [ResolvedComponent, ResolvedComponent],
    sides,
  );
}

/** The section a report keeps for a component (what --replay reads back). */
export function settingsOfComponent(component: ResolvedComponent): ComponentSection | { label: string } {
  return kindOf(component).settingsOf(component) as ComponentSection | { label: string };
}

/** A short human description of how a component runs, e.g. `python3 f.py (worker)`. */
export function describeComponent(component: ResolvedComponent): string {
  return kindOf(component).describe(component);
}

/** How a component runs: input by input, in batches of tables, or once on the sample file. */
export function shapeOf(component: ResolvedComponent): RunShape {
  return kindOf(component).shapeOf(component);
}

/** Section keys that only tune a component (of any kind), besides the common keys. */
export function tuningKeys(): string[] {
  return KINDS.flatMap((kind) => kind.tuningKeys ?? []);
}

/** --base: keys never rebased, and keys rebased only when the worktree holds the path. */
export function rebaseKeys(): { keep: string[]; ifPresent: string[] } {
  return {
    keep: KINDS.flatMap((kind) => kind.rebase?.keep ?? []),
    ifPresent: KINDS.flatMap((kind) => kind.rebase?.ifPresent ?? []),
  };
}

/** The record adapter for one side's component (shapes records and batches). */
export function createRecordAdapter(
  side: Side,
  component: ResolvedComponent,
  settings: AdapterRunSettings,
): RecordAdapter {
  const kind = kindOf(component);
  if (kind.createRecordAdapter === undefined || ["table", "query"].includes(kind.shapeOf(component))) {
    throw new Error(
      `twinrun bug: the ${side} ${kind.name} component runs once on the sample file, not input by input`,
    );
  }
  return kind.createRecordAdapter(side, component, settings);
}

/** The table adapter for one side's component (shape table). */
export function createTableAdapter(
  side: Side,
  component: ResolvedComponent,
  settings: AdapterRunSettings,
): TableAdapter {
  const kind = kindOf(component);
  if (kind.createTableAdapter === undefined || kind.shapeOf(component) !== "table") {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${side}: this run compares tables written from the sample file, but the ${side} component (${kind.name}) runs input by input`,
    );
  }
  return kind.createTableAdapter(side, component, settings);
}

/** The table a component of shape query compares: its result, in its database. */
export function tableReferenceOf(side: Side, component: ResolvedComponent): Promise<TableReference> {
  const kind = kindOf(component);
  if (kind.tableReferenceOf === undefined || kind.shapeOf(component) !== "query") {
    throw new Error(`twinrun bug: the ${side} ${kind.name} component has no table in a database`);
  }
  return kind.tableReferenceOf(side, component);
}
