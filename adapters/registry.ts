// The adapter registry: every kind of component twinrun can run, one definition each (see
// kind.ts). Adding a kind is one folder with its definition and one line here; config, replay,
// --base, the CLI and the API find it through components.ts.
import { commandKind } from "./command/kind.ts";
import { functionKind } from "./function/kind.ts";
import { httpKind } from "./http/kind.ts";
import type { AdapterKind, ResolvedOf, SectionOf } from "./kind.ts";
import { moduleKind } from "./module/kind.ts";
import { notebookKind } from "./notebook/kind.ts";
import { pythonKind } from "./python/kind.ts";
import { sqlKind } from "./sql/kind.ts";

/**
 * Why: one list, in the order spec spellings are tried and config sections are documented. The
 * first kind is the default: a config section without `adapter`, and a spec no other kind's
 * spelling matches.
 */
export const ADAPTER_KINDS = [
  commandKind,
  pythonKind,
  notebookKind,
  moduleKind,
  httpKind,
  sqlKind,
  functionKind,
] as const;

/** One side's component, resolved; its `adapter` names the kind that runs it. */
export type ResolvedComponent = ResolvedOf<(typeof ADAPTER_KINDS)[number]>;

/** One side's config section, as a config file (or an API call) writes it. */
export type ComponentSection = SectionOf<(typeof ADAPTER_KINDS)[number]>;

/** The name of a registered kind. */
export type AdapterName = (typeof ADAPTER_KINDS)[number]["name"];

/** The registered kinds as the common contract, for the loops in components.ts. */
export const KINDS: readonly AdapterKind[] = ADAPTER_KINDS as readonly AdapterKind[];
