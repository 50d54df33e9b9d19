// Resolving a command component's section (config file and flags, merged, paths already absolute)
// into the fully populated ResolvedCommandComponent.
import { parseNonEmpty } from "../../src/config/flag-grammars.ts";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { ResolveContext } from "../kind.ts";
import type { Side } from "../types.ts";
import type { CommandSection } from "./schema.ts";
import type { ResolvedCommandComponent } from "./types.ts";

/** Why: mode and shell are defaulted once here; the adapter re-checks nothing. */
export function resolveCommandComponent(
  side: Side,
  section: CommandSection,
  context: ResolveContext,
): ResolvedCommandComponent {
  if (section.command === undefined) {
    throw new TwinrunError(
      "USAGE",
      `missing the ${side} component: give --${side} "<command>" or ${side}.command in ${context.configName}`,
    );
  }
  return {
    adapter: "command",
    command: section.command,
    mode: section.mode ?? "per-input",
    cwd: section.cwd ?? context.baseDir,
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    shell: section.shell ?? false,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}

/** Why: on the command line, whatever no other kind's spelling matches is a command line. */
export function parseCommandSpec(text: string, flag: string): CommandSection {
  return { command: parseNonEmpty(flag, text, "a command") };
}

/** The section a report keeps for a command component (what --replay reads back). */
export function settingsOfCommandComponent(component: ResolvedCommandComponent): CommandSection {
  return {
    command: component.command,
    mode: component.mode,
    cwd: component.cwd,
    ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
    label: component.label,
    shell: component.shell,
    ...(component.setup !== undefined && { setup: component.setup }),
  };
}
