// The function kind's contracts: a function handed to the programmatic API in memory.
import type { ResolvedComponentBase } from "../kind.ts";

/** A function handed to the programmatic API in memory; it runs in twinrun's own process. */
export interface ResolvedFunctionComponent extends ResolvedComponentBase {
  adapter: "function";
  /** The function's name, for reports. */
  name: string;
  /** Calls the user's function (a wrapper, so freezing the config never freezes the user's function). */
  call: (input: unknown) => unknown;
}
