import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_REFERENCE_FILE, renderCliReference, spellFlag } from "../../../scripts/render-cli-reference.ts";
import { bufferStream } from "../../../src/cli/io.ts";
import { buildProgram } from "../../../src/cli/program.ts";
import { REPO_ROOT } from "../../helpers/cli.ts";

const page = readFileSync(path.join(REPO_ROOT, CLI_REFERENCE_FILE), "utf8");

// The long flags named in the first column of the flag table of "## twinrun <command>".
function documentedFlags(command: string): string[] {
  const heading = `\n## twinrun ${command}\n`;
  const start = page.indexOf(heading);
  expect(start, `docs/cli.md has a section "## twinrun ${command}"`).toBeGreaterThan(0);
  const end = page.indexOf("\n## ", start + heading.length);
  const flags: string[] = [];
  for (const line of page.slice(start, end < 0 ? undefined : end).split("\n")) {
    const firstCell = /^\| (`[^|]*?(?:\\\|[^|]*?)*) \|/.exec(line)?.[1];
    if (firstCell) flags.push(...(firstCell.match(/--[a-z][a-z-]*/g) ?? []));
  }
  return flags.sort();
}

describe("the command-line reference (docs/cli.md)", () => {
  const io = { stdout: bufferStream(), stderr: bufferStream(), cwd: REPO_ROOT, env: {} };
  const commands = buildProgram(io, () => undefined).commands.filter((command) => command.name() !== "help");

  it("is committed exactly as the option table generates it (run `npm run docs` to refresh)", () => {
    expect(page).toBe(renderCliReference());
  });

  it.each(commands.map((command) => [command.name(), command] as const))(
    "lists exactly the flags of twinrun %s",
    (_name, command) => {
      const flags = command.options.map((option) => option.long!).sort();
      expect(flags.length).toBeGreaterThan(0);
      expect(documentedFlags(command.name())).toEqual(flags);
    },
  );

  it("spells a flag with choices by its choices", () => {
    expect(page).toContain("| `--mode <per-input\\|worker\\|dataset>` ");
    expect(spellFlag({ flags: "--on-bad-input <action>", help: "", choices: ["fail", "skip"] })).toBe(
      "--on-bad-input <fail|skip>",
    );
  });
});
