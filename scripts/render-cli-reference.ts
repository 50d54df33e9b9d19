// docs/cli.md, rendered from the option table (src/config/options/), so the page lists each
// command's flags exactly as `--help` does, with the config keys they set.
import { type CommandSpec, longFlag, type OptionSpec } from "../src/config/options/spec.ts";
import { COMMANDS, type CommandName, commandSpec } from "../src/config/options/table.ts";
import { renderPaddedGrid } from "./markdown-grid.ts";

/** Where the generated page lives. */
export const CLI_REFERENCE_FILE = "docs/cli.md";

const INTRO = `\`twinrun <command> --help\` lists the same flags as the tables below. Every flag of \`twinrun run\` that has a config key can also be set in the config file
([configuration reference](configuration.md)); a flag wins over the config. CLI flags are
kebab-case, one to one with config keys (\`--max-changed\` ↔ \`gate.maxChanged\`). The exit codes
are the same for every command: see [Gate and exit codes](reports.md#gate-and-exit-codes). A usage
error (an unknown flag, a value that is not one of a flag's choices, a missing argument) exits 2
with the message and the command's usage line; \`--help\` and \`twinrun --version\` exit 0. Output
piped into a reader that stops early (\`twinrun run … | head\`) ends quietly: the run still
finishes, saves its report and exits with its gate's code. Ctrl-C (SIGINT), SIGTERM (a cancelled
CI job) and SIGHUP (a closed terminal) all stop a run the same way: every component's process
group is killed, the partial report is written and marked incomplete, and twinrun exits 130; a
second signal quits at once. An interrupt before the run begins says so and exits 130 too.`;

/** What each command's section says before and after its flag table. */
const SECTIONS: Record<CommandName, { before: string; after?: string }> = {
  run: {
    before: `\`\`\`sh
npx twinrun run --old "python3 features_old.py" --new "python3 features_new.py" \\
  --mode worker --input customers.jsonl --sample 500
\`\`\``,
    after: `Rules given as flags are added after the config's rules, so on equal specificity the flag's rule
wins. \`--style\`, \`--batch-size\`, \`--key\` and \`--python\` apply to every Python side, as \`--mode\`
and \`--shell\` apply to command sides.`,
  },
  diff: {
    before: `\`\`\`sh
npx twinrun diff features_old.csv features_new.parquet --key customer_id --tol "score=rel:1e-6" --psi-max 0.1
\`\`\`

\`twinrun diff <old-output> <new-output>\` compares two table files ([Tables](tables.md#twinrun-diff)).
A config file found or given with \`-c\` contributes its \`compare\`, \`table\`, \`gate\` and \`report\`
sections.`,
  },
  init: {
    before: `\`twinrun init\` writes a commented starter \`twinrun.config.yaml\` in the working folder, with every
key explained. It refuses to overwrite an existing config unless \`--force\`.`,
  },
  accept: {
    before: `\`twinrun accept <report.json>\` writes the changed paths of a report as accepted differences, for
reviewers to commit ([Accepted differences](accepted.md)).`,
  },
  merge: {
    before: `\`twinrun merge <report.json>...\` combines the reports of the shards of one sample (\`--shard i/n\`)
into one report and verdict ([Sharding](ci.md#sharding---shard-and-twinrun-merge)).`,
  },
  shrink: {
    before: `\`\`\`sh
npx twinrun shrink .twinrun/last-report.json 119
\`\`\`

\`twinrun shrink <report.json> <index>\` reruns one input of a report with the report's settings and
shrinks it, step by step with the real components, to the smallest input on which the same path
still changes the same way (or the same side still fails the same way). It writes the minimal
input and a config that runs exactly it to \`.twinrun/minimal/\`, records it in the report's example,
and exits 1 (the change is reproduced), or 0 when the input no longer changes
([Shrinking](hints.md#shrinking-the-smallest-input-that-shows-a-change)).`,
  },
};

/** Why: scripts/write-docs.ts writes this text; a test checks the committed page equals it. */
export function renderCliReference(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = [
    "# Command-line reference",
    "",
    "<!-- Generated from the option table (src/config/options/) by `npm run docs`; edit the table, not this page. -->",
    "",
    "```",
    ...COMMANDS.map((command) => `twinrun ${command.name.padEnd(width)}  ${command.description}`),
    "```",
    "",
    INTRO,
    "",
  ];
  for (const { name } of COMMANDS) lines.push(...renderCommand(commandSpec(name), SECTIONS[name]), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

// One command: its prose, then one row per flag (with the config keys, for commands that read a config).
function renderCommand(spec: CommandSpec, section: { before: string; after?: string }): string[] {
  const readsConfig = spec.options.some((option) => longFlag(option) === "--config");
  const header = readsConfig ? ["flag", "config key", "meaning"] : ["flag", "meaning"];
  const rows = spec.options.map((option) => {
    const meaning = escapePipes(option.doc ?? option.help);
    const flag = `\`${escapePipes(spellFlag(option))}\``;
    return readsConfig ? [flag, configKeys(option), meaning] : [flag, meaning];
  });
  const lines = [`## twinrun ${spec.name}`, "", section.before, "", ...renderPaddedGrid([header, ...rows])];
  if (section.after !== undefined) lines.push("", section.after);
  return lines;
}

/** Why: a flag with choices shows them in place of its placeholder: `--mode <per-input|worker|dataset>`. */
export function spellFlag(option: OptionSpec): string {
  if (option.choices === undefined) return option.flags;
  return option.flags.replace(/<[^>]*>/, `<${option.choices.join("|")}>`);
}

function configKeys(option: OptionSpec): string {
  return (option.config ?? []).map((key) => `\`${escapePipes(key)}\``).join(", ");
}

// A pipe ends a table cell, inside backticks too; one already escaped stays as it is.
function escapePipes(text: string): string {
  return text.replace(/(?<!\\)\|/g, "\\|");
}
