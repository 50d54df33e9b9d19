// Which side failed, and how, in a few words (`new crash`, `old exit, new timeout`): hints group
// failures by it, and shrinking keeps it while the input gets smaller.
import type { Outcome } from "../../adapters/types.ts";
import type { Difference } from "../compare/types.ts";

/** Why: one label for "the same failure kind" wherever failures are told apart. */
export function describeFailingSides(old: Outcome, newOutcome: Outcome, difference: Difference): string {
  const kindOf = (outcome: Outcome, shown: unknown) =>
    outcome.status === "failure" ? outcome.failure.kind : failureKindShown(shown);
  const sides: string[] = [];
  const oldKind = kindOf(old, difference.old);
  const newKind = kindOf(newOutcome, difference.new);
  if (oldKind !== undefined) sides.push(`old ${oldKind}`);
  if (newKind !== undefined) sides.push(`new ${newKind}`);
  return sides.join(", ");
}

/** The kind in a failure difference's `{failure, message}` side (an ok outcome whose text did not parse). */
function failureKindShown(shown: unknown): string | undefined {
  if (shown === null || typeof shown !== "object") return undefined;
  const { failure, message } = shown as { failure?: unknown; message?: unknown };
  return typeof failure === "string" && typeof message === "string" ? failure : undefined;
}
