// docs/configuration.md, rendered from the zod config schema (through its JSON Schema), so the
// reference lists every key the validator accepts, with the validator's own descriptions.
import { renderJsonSchema } from "../src/config/json-schema.ts";
import { renderPaddedGrid } from "./markdown-grid.ts";

/** Where the generated page lives. */
export const CONFIG_REFERENCE_FILE = "docs/configuration.md";

// The parts of a JSON Schema node the reference reads.
interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  pattern?: string;
  additionalProperties?: SchemaNode | boolean;
}

interface Row {
  key: string;
  type: string;
  fallback: string;
  description: string;
}

const INTRO = `# Configuration

<!-- Generated from the config schema (src/config/schema*.ts, adapters/*/schema.ts) by \`npm run docs\`; edit the schema's descriptions, not this page. -->

\`twinrun.config.yaml\` (or \`.yml\`, or \`.json\`) in the working folder is read automatically;
\`-c <file>\` names another. **Paths in a config file** (\`input.path\`, \`cwd\`, \`report.json\`) are
relative to the config file's folder, so \`npx twinrun run -c examples/quickstart/twinrun.config.yaml\`
works from anywhere. Paths given as flags are relative to the working folder. A flag wins over the
config ([command reference](cli.md)).

\`\`\`yaml
# yaml-language-server: $schema=./node_modules/twinrun/schema/twinrun.schema.json
input: { path: customers.jsonl, sample: 500, strategy: random, seed: 0 }
old: { command: python3 features_old.py, mode: worker, cwd: ., env: {}, label: old }
new: { command: python3 features_new.py, mode: worker }
env: { OMP_NUM_THREADS: "1" } # for both sides
compare:
  tolerance: { abs: 1e-12, rel: 1e-9 }
  rules:
    - { path: meta.generated_at, ignore: true }
    - { path: tags, unordered: true }
    - { path: "embedding[*]", tolerance: { abs: 1e-6 } }
run: { concurrency: 4, timeout: 10000 }
gate: { maxChanged: 0 }
report: { json: twinrun-report.json, examples: 5 }
\`\`\`

[\`twinrun init\`](cli.md#twinrun-init) writes this layout with every key explained. The config is
validated; a mistake is exit 2 with one line per problem, naming the file and the key:

\`\`\`
twinrun: twinrun.config.yaml: compare.tolerance.rel: expected a number >= 0, got "1e-6x"
twinrun: twinrun.config.yaml: compare.toleranse: unknown key (did you mean "tolerance"?)
\`\`\`

The JSON Schema in \`schema/twinrun.schema.json\` is generated from the same source as the
validator (\`npm run schema\`); the \`yaml-language-server\` line above gives completion and checks
in editors.

## Reference

Every key of the config file, section by section. Every key is optional unless marked required;
an unknown key is an error. The default, where one applies, is what a run uses when the key is
not given.
`;

/** Why: scripts/write-docs.ts writes this text; a test checks the committed page equals it. */
export function renderConfigReference(): string {
  const root = JSON.parse(renderJsonSchema()) as SchemaNode;
  const sections: string[] = [INTRO];
  const properties = root.properties ?? {};
  for (const [name, node] of Object.entries(properties)) {
    if (name === "new" && properties.old) continue; // rendered together with old
    sections.push(name === "old" ? renderComponents(node, properties.new) : renderSection(name, node));
  }
  return `${sections.join("\n")}`;
}

// One top-level key: its description, then a table of it (and its children).
function renderSection(name: string, node: SchemaNode): string {
  const { description, fallback } = splitDefault(node.description ?? "");
  const rows = node.properties ? childRows("", node) : [];
  const lines = [`## ${name}`, "", `${description}${fallback ? ` Default: ${fallback}.` : ""}`, ""];
  if (rows.length > 0) lines.push(...renderTable(rows), "");
  else lines.push(`Type: ${describeType(node)}.`, "");
  return lines.join("\n");
}

// old and new take the same adapters; each adapter is one table.
function renderComponents(old: SchemaNode, fresh: SchemaNode | undefined): string {
  const variants = old.oneOf ?? old.anyOf ?? [old];
  const lines = [
    "## old and new",
    "",
    "The two components, one section each, with the same keys (the descriptions below speak of " +
      "`old`). The `adapter` key says which adapter runs the component; without it, the section is " +
      "a command. See [Components](components.md).",
    "",
  ];
  if (fresh && JSON.stringify(adapterKeys(fresh)) !== JSON.stringify(adapterKeys(old)))
    throw new Error("old and new take different keys; the reference renders them as one");
  for (const variant of variants) {
    const adapter = variant.properties?.adapter;
    const name = adapter ? String(adapter.const ?? adapter.enum?.[0]) : "?";
    lines.push(
      `### adapter: ${name}`,
      "",
      variant.description ?? "",
      "",
      ...renderTable(childRows("", variant)),
      "",
    );
  }
  return lines.join("\n");
}

function adapterKeys(node: SchemaNode): string[][] {
  return (node.oneOf ?? node.anyOf ?? [node]).map((variant) => Object.keys(variant.properties ?? {}));
}

// The rows of an object's keys, nested objects and lists of objects flattened into dotted keys.
function childRows(prefix: string, node: SchemaNode): Row[] {
  const rows: Row[] = [];
  const required = new Set(node.required ?? []);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const key = `${prefix}${name}`;
    const item = child.items?.properties ? child.items.description : undefined;
    const { description, fallback } = splitDefault([child.description, item].filter(Boolean).join(" "));
    rows.push({
      key,
      type: describeType(child),
      fallback: required.has(name) ? "required" : fallback,
      description,
    });
    const nested = nestedObject(child);
    if (nested) rows.push(...childRows(`${key}${nested.list ? "[]" : ""}.`, nested.node));
  }
  return rows;
}

// An object (or a list of objects, or a choice holding one) whose keys get rows of their own.
function nestedObject(node: SchemaNode): { node: SchemaNode; list: boolean } | undefined {
  if (node.properties) return { node, list: false };
  if (node.items?.properties) return { node: node.items, list: true };
  const object = (node.anyOf ?? node.oneOf ?? []).find((option) => option.properties);
  return object ? { node: object, list: false } : undefined;
}

/** Why: the descriptions state defaults as "(default X)"; the reference gives them a column. */
export function splitDefault(text: string): { description: string; fallback: string } {
  const start = text.search(/\(default[: ]/);
  if (start < 0) return { description: text, fallback: "" };
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    if (text[end] === "(") depth++;
    if (text[end] === ")" && --depth === 0) break;
  }
  if (end >= text.length) return { description: text, fallback: "" };
  const fallback = text
    .slice(start + 1, end)
    .replace(/^default:?\s*/, "")
    .trim();
  const description = `${text.slice(0, start).trimEnd()}${text.slice(end + 1)}`.replace(
    /\s+([.;,])(?=\s|$)/g,
    "$1",
  );
  return { description, fallback };
}

/** Why: one short phrase per JSON Schema type, as a reader of a YAML file thinks of it. */
export function describeType(node: SchemaNode): string {
  const options = node.anyOf ?? node.oneOf;
  if (options) return options.map(describeType).join(" or ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  const type = Array.isArray(node.type) ? node.type.join(" or ") : (node.type ?? "any");
  if (type === "integer" || type === "number")
    return node.minimum !== undefined && node.minimum > Number.MIN_SAFE_INTEGER
      ? `${type} ≥ ${node.minimum}`
      : type;
  if (type === "string")
    return node.pattern ? `string matching \`${readablePattern(node.pattern)}\`` : "string";
  if (type === "array")
    return `list of ${node.items?.properties ? "mappings" : plural(describeType(node.items ?? {}))}`;
  if (type === "object") {
    const values = node.additionalProperties;
    if (values && typeof values === "object") return `mapping of name → ${describeType(values)}`;
    return "mapping";
  }
  return type;
}

// JSON Schema escapes slashes; in a table cell a pipe must be escaped instead.
function readablePattern(pattern: string): string {
  return pattern.replace(/\\\//g, "/").replace(/\|/g, "\\|");
}

function plural(type: string): string {
  return type === "string" ? "strings" : type;
}

// The rows of one section as a table.
function renderTable(rows: Row[]): string[] {
  return renderPaddedGrid([
    ["key", "type", "default", "description"],
    ...rows.map((row) => [`\`${row.key}\``, row.type, escapeCell(row.fallback), escapeCell(row.description)]),
  ]);
}

// Table cells are Markdown: a pipe would end the cell, and a.** would start bold text.
function escapeCell(text: string): string {
  return text.replace(/[|*]/g, (char) => `\\${char}`);
}
