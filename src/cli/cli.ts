// The CLI as a function: argv and streams in, exit code out. `main.ts` runs it on the real
// process; tests and the fuzz test run it in-process on buffers.
import type { Command } from "commander";
import { exitCodeForError } from "./exit-code.ts";
import type { CliIo } from "./io.ts";
import { buildProgram } from "./program.ts";

/** Why: one entry decides every exit code, whether spawned or called in-process. */
export async function runTwinrun(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  routeCommander(program, io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return exitCodeForError(error, io.stderr);
  }
}

/**
 * Commander's own hooks on every command: errors throw (never process.exit), output goes to the
 * invocation's streams, and a usage error is followed by that command's usage line.
 */
function routeCommander(command: Command, io: CliIo): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    getOutHelpWidth: () => io.stdout.columns ?? 80,
    getErrHelpWidth: () => io.stderr.columns ?? 80,
    getOutHasColors: () => false,
    getErrHasColors: () => false,
  });
  const name = commandPath(command);
  command.showHelpAfterError(`Usage: ${name} ${command.usage()}\n(run "${name} --help" for every option)`);
  for (const sub of command.commands) routeCommander(sub, io);
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at !== null; at = at.parent) names.unshift(at.name());
  return names.join(" ");
}
