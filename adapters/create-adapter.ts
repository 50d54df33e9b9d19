// Picks the adapter a resolved component needs. New adapters register here and nowhere else.
import type { ResolvedComponent, ResolvedRunConfig } from "../src/config/types.ts";
import { createCommandAdapter, describeCommand } from "./command/index.ts";
import type { Adapter, Side } from "./types.ts";

/** Run-wide settings every adapter receives. */
export interface AdapterRunSettings {
  sharedEnv: ResolvedRunConfig["sharedEnv"];
  runner: ResolvedRunConfig["runner"];
}

/** The adapter for one side's component. */
export function createAdapter(
  side: Side,
  component: ResolvedComponent,
  settings: AdapterRunSettings,
): Adapter {
  return createCommandAdapter({
    side,
    command: component.command,
    mode: component.mode,
    cwd: component.cwd,
    env: { ...settings.sharedEnv, ...component.env },
    shell: component.shell,
    timeoutMs: settings.runner.timeoutMs,
    concurrency: settings.runner.concurrency,
  });
}

/** A short human description of how a component runs, e.g. `python3 f.py (worker)`. */
export function describeComponent(component: ResolvedComponent): string {
  return describeCommand({ command: component.command, mode: component.mode, shell: component.shell });
}
