// Entry point: parse argv, run the command, turn errors into messages and exit codes.
import { CommanderError } from "commander";
import { ExitCode, TwinrunError } from "../errors.ts";
import { buildProgram } from "./program.ts";

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; everything else commander rejects is bad usage.
    return error.exitCode === 0 ? 0 : ExitCode.usage;
  }
  if (error instanceof TwinrunError) {
    process.stderr.write(`twinrun: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `twinrun: internal error — this is a bug in twinrun, please report it with the command you ran:\n${
      error instanceof Error ? (error.stack ?? error.message) : String(error)
    }\n`,
  );
  return ExitCode.usage;
}

await main(process.argv);
