// Picks the adapter a resolved component needs. New adapters register here and nowhere else.
import type { ResolvedComponent, ResolvedRunConfig } from "../src/config/types.ts";
import { createCommandAdapter, describeCommand } from "./command/index.ts";
import { createHttpAdapter, describeHttp } from "./http/index.ts";
import {
  createFunctionAdapter,
  createModuleAdapter,
  describeFunction,
  describeModule,
} from "./module/index.ts";
import {
  createNotebookFunctionAdapter,
  describeNotebookFunction,
  describeNotebookRun,
} from "./notebook/index.ts";
import { createPythonAdapter, describePython } from "./python/index.ts";
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
  if (component.adapter === "python") {
    const options = {
      side,
      python: component.python,
      module: component.module,
      function: component.function,
      style: component.style,
      cwd: component.cwd,
      path: component.path,
      env: { ...settings.sharedEnv, ...component.env },
      ...(component.key !== undefined && { key: component.key }),
      seedEachCall: component.seedEachCall,
      timeoutMs: settings.runner.timeoutMs,
      concurrency: settings.runner.concurrency,
    };
    return component.notebook === undefined
      ? createPythonAdapter(options)
      : createNotebookFunctionAdapter({ ...options, notebook: component.notebook });
  }
  if (component.adapter === "notebook") {
    throw new Error("twinrun bug: a whole notebook is a batch step and runs only in dataset mode");
  }
  if (component.adapter === "module") {
    return createModuleAdapter({
      side,
      file: component.file,
      exportName: component.export,
      env: { ...settings.sharedEnv, ...component.env },
      timeoutMs: settings.runner.timeoutMs,
      concurrency: settings.runner.concurrency,
    });
  }
  if (component.adapter === "http") {
    return createHttpAdapter({
      side,
      url: component.url,
      method: component.method,
      headers: component.headers,
      ...(component.bodyTemplate !== undefined && { bodyTemplate: component.bodyTemplate }),
      timeoutMs: component.timeoutMs ?? settings.runner.timeoutMs,
      concurrency: settings.runner.concurrency,
      cwd: component.cwd,
      env: { ...settings.sharedEnv, ...component.env },
      ...(component.start !== undefined && { start: component.start }),
    });
  }
  if (component.adapter === "function") {
    return createFunctionAdapter({ side, call: component.call, timeoutMs: settings.runner.timeoutMs });
  }
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
  if (component.adapter === "python") {
    return component.notebook === undefined
      ? describePython(component)
      : describeNotebookFunction({ ...component, notebook: component.notebook });
  }
  if (component.adapter === "notebook") return describeNotebookRun(component);
  if (component.adapter === "module") return describeModule(component);
  if (component.adapter === "http") return describeHttp(component);
  if (component.adapter === "function") return describeFunction(component);
  return describeCommand({ command: component.command, mode: component.mode, shell: component.shell });
}
