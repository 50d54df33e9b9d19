// A short human description of a module component, shown in reports.
import path from "node:path";

/** Why: reports say which function of which file ran: `js:old/score.ts#score (worker thread)`. */
export function describeModule(component: { file: string; export: string; cwd: string }): string {
  const relative = path.relative(component.cwd, component.file);
  const shown =
    relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : component.file;
  return `js:${shown}#${component.export} (worker thread)`;
}

/** Why: in-memory functions run inside twinrun's process; the report names the function. */
export function describeFunction(component: { name: string }): string {
  return `${component.name === "" ? "(anonymous function)" : component.name} (in-process function)`;
}
