// The function kind: a function handed to the programmatic API in memory (`twin({ old: fn })`),
// run in twinrun's own process. It has no config section and no command-line spelling.

import { defineAdapterKind } from "../kind.ts";
import { describeFunction } from "../module/describe.ts";
import type { Side } from "../types.ts";
import { createFunctionAdapter } from "./function-adapter.ts";
import type { ResolvedFunctionComponent } from "./types.ts";

type TwinFunction = (input: unknown) => unknown;

/** Why: one definition says everything twinrun knows about in-memory functions. */
export const functionKind = defineAdapterKind<"function", never, ResolvedFunctionComponent>({
  name: "function",
  summary: "a function handed to the API in memory, run in twinrun's own process",
  fromValue: functionComponentOf,
  // An in-memory function has no settings form: a replay then asks for the component.
  settingsOf: (component) => ({ label: component.label }),
  describe: describeFunction,
  shapeOf: () => "records",
  createRecordAdapter: (side, component, { runner }) =>
    createFunctionAdapter({ side, call: component.call, timeoutMs: runner.timeoutMs }),
});

/** A function, or `{ fn, label }`, as an in-process component; undefined for anything else. */
function functionComponentOf(side: Side, given: unknown, cwd: string): ResolvedFunctionComponent | undefined {
  const described =
    typeof given === "function"
      ? { fn: given as TwinFunction, label: undefined }
      : given !== null && typeof given === "object" && "fn" in given && typeof given.fn === "function"
        ? { fn: given.fn as TwinFunction, label: (given as { label?: string }).label }
        : undefined;
  if (described === undefined) return undefined;
  const { fn } = described;
  return {
    adapter: "function",
    name: fn.name,
    // A wrapper: freezing the resolved config must never freeze (or mutate) the user's function.
    call: (input: unknown) => fn(input),
    cwd,
    env: {},
    label: described.label ?? (fn.name === "" ? side : fn.name),
  };
}
