import { describe, expect, expectTypeOf, it } from "vitest";
import { renderJsonSchema } from "../../../src/config/json-schema.ts";
import type { OptionSpec } from "../../../src/config/options/spec.ts";
import { COMMANDS, type DiffFlags, type RunFlags } from "../../../src/config/options/table.ts";

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

// Whether a dotted config key (`compare.rules[].path`) names a key the config schema accepts.
function schemaHasKey(root: SchemaNode, key: string): boolean {
  let nodes = [root];
  for (const part of key.split(".")) {
    const name = part.replace(/\[\]$/, "");
    const variants = nodes.flatMap((node) => [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])]);
    nodes = variants.flatMap((node) => {
      const child = node.properties?.[name];
      if (child === undefined) return [];
      return part.endsWith("[]") ? [child.items ?? {}] : [child];
    });
    if (nodes.length === 0) return false;
  }
  return true;
}

const everyOption: [string, OptionSpec][] = COMMANDS.flatMap((command) =>
  command.options.map((option): [string, OptionSpec] => [`${command.name} ${option.flags}`, option]),
);

describe("the option table", () => {
  const schema = JSON.parse(renderJsonSchema()) as SchemaNode;

  it.each(everyOption.filter(([, option]) => option.config !== undefined))(
    "names only config keys the schema has (%s)",
    (_name, option) => {
      for (const entry of option.config ?? []) {
        // `compare.rules[] {path, ignore: true}` and `report.save: false` name the key before the note.
        const key = entry.split(/[ :]/)[0]!;
        expect(schemaHasKey(schema, key), key).toBe(true);
      }
    },
  );

  it("has no flag twice in one command", () => {
    for (const command of COMMANDS) {
      const names = command.options.map((option) => /--[a-z-]+/.exec(option.flags)?.[0]);
      expect(new Set(names).size, command.name).toBe(names.length);
    }
  });

  it("derives the flag types commander hands over: strings, lists for repeatable flags, switches", () => {
    expectTypeOf<RunFlags["oldLabel"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RunFlags["ignore"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<RunFlags["shell"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RunFlags["save"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RunFlags["stepSummary"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RunFlags["config"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RunFlags["calibrate"]>().toEqualTypeOf<string | true | undefined>();
    expectTypeOf<RunFlags["reporter"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<DiffFlags>().toExtend<RunFlags>();
    expectTypeOf<DiffFlags>().not.toHaveProperty("old");
    expect(schemaHasKey(schema, "compare.rules[].path")).toBe(true);
    expect(schemaHasKey(schema, "compare.rulez")).toBe(false);
  });
});
