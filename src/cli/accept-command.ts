// `twinrun accept <report.json> [--out <file>]`: write (or update) the accepted-differences file
// from a report, for reviewers to read and commit. It never runs anything and never gates.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { confineToProject } from "../accept/confine-path.ts";
import { ACCEPTED_FILE_NAME } from "../accept/default-file.ts";
import { listAcceptedPaths } from "../accept/evaluate.ts";
import { parseAcceptedText } from "../accept/load-accepted.ts";
import { acceptedFileSchema } from "../accept/schema.ts";
import {
  type AcceptedEntryInput,
  buildAcceptedEntries,
  mergeAcceptedEntries,
  renderAcceptedYaml,
} from "../accept/write-accepted.ts";
import { parseConfigText } from "../config/read-config-text.ts";
import { TwinrunError } from "../errors.ts";
import { readReportFile } from "../report/read-report.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import type { CliIo } from "./io.ts";

/** Why: the CLI's accept action; the target defaults to the file the run read, else twinrun.accepted.yaml here. */
export async function runAcceptCommand(
  reportPath: string,
  options: { out?: string },
  io: CliIo,
): Promise<number> {
  const { cwd } = io;
  const report = await readReportFile(path.resolve(cwd, reportPath), reportPath);
  // The file the run read, when it is on this machine (a report from CI names the runner's path).
  const readByRun = report.accepted?.file;
  const runFile =
    readByRun !== undefined && existsSync(path.dirname(path.resolve(cwd, readByRun)))
      ? confineToProject(readByRun, cwd, `${reportPath} (accepted.file)`)
      : undefined;
  const target =
    options.out !== undefined
      ? path.resolve(cwd, options.out)
      : (runFile ?? path.join(cwd, ACCEPTED_FILE_NAME));
  const shown = path.relative(cwd, target) || target;
  // Paths the run's own file already covered need no second entry in that same file.
  const covered = target === runFile ? listAcceptedPaths(report.accepted) : new Set<string>();
  const fresh = buildAcceptedEntries(report, reportPath).filter((entry) => !covered.has(entry.path));
  if (fresh.length === 0) {
    io.stdout.write(
      `Nothing to accept: ${reportPath} shows no behavioural change that ${shown} does not already accept; it was not written.\n`,
    );
    return 0;
  }
  const existing = existsSync(target) ? await readExistingEntries(target, shown) : [];
  const entries = mergeAcceptedEntries(existing, fresh);
  try {
    await writeFileAtomic(target, renderAcceptedYaml(entries));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError("USAGE", `could not write ${shown}: ${reason}; expected a writable file (--out)`);
  }
  const lines = [
    `${existing.length > 0 ? "Updated" : "Wrote"} ${shown}: ${fresh.length} accepted difference${fresh.length === 1 ? "" : "s"} from ${reportPath}`,
    ...fresh.map(
      (entry) =>
        `  ${entry.path}  [${entry.kinds.join(", ")}]  ${entry.maxRate !== undefined ? `at a rate of at most ${entry.maxRate} (95% bound)` : `on at most ${entry.maxChanged} of inputs`}`,
    ),
    "Review each entry (say in `note` why the change is intended) and commit the file with the change.",
    "Runs read it by default from beside the config file; --strict-accepted also fails on entries that match nothing.",
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** The entries already in the file, as written (notes kept); the file must be valid. */
async function readExistingEntries(file: string, shown: string): Promise<AcceptedEntryInput[]> {
  const text = await readFile(file, "utf8");
  parseAcceptedText(text, file, shown); // validates, with messages naming the file and key
  const raw = parseConfigText(text, "yaml", shown);
  const parsed = acceptedFileSchema.safeParse(raw);
  return parsed.success ? parsed.data.accepted : [];
}
