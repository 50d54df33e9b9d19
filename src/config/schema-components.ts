// The component sections of the user config (old/new): one schema per adapter kind, taken from
// the registry and joined by the `adapter` key (a section without it is of the default kind).
import { z } from "zod";
import { configurableKinds } from "../../adapters/components.ts";
import type { ComponentSection } from "../../adapters/registry.ts";
import type { Side } from "../../adapters/types.ts";

type SectionSchema = z.ZodObject & z.ZodType<ComponentSection>;

/** Why: a config file names its component's kind with `adapter`; every registered kind can be written. */
export function componentSchema(side: Side): z.ZodType<ComponentSection> {
  const kinds = configurableKinds();
  const schemas = kinds.map((kind) => kind.schema!(side)) as unknown as [SectionSchema, ...SectionSchema[]];
  return z
    .discriminatedUnion("adapter", schemas, {
      error: (issue) =>
        issue.code === "invalid_union"
          ? `a component adapter: ${listKindNames(kinds.map((kind) => kind.name))}`
          : `a mapping like { command: python3 features_${side}.py }`,
    })
    .describe(`The ${side} version of the component.`);
}

// `"command" (the default), "python", "module" or "http"`
function listKindNames(names: string[]): string {
  const quoted = names.map((name, index) => `"${name}"${index === 0 ? " (the default)" : ""}`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}
