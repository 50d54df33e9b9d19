// The process entry: real streams, working folder and environment in, process.exitCode out.
// Signals are watched first, so an interrupt during start-up still says what happened.
import { runTwinrun } from "./cli.ts";
import { guardStream } from "./guarded-stream.ts";
import { watchProcessSignals } from "./process-interrupts.ts";

const stderr = guardStream(process.stderr);
const interrupts = watchProcessSignals(stderr);
// A reader that went away (`twinrun … | head`) only ends the output; the run and its exit code go on.
const stdout = guardStream(process.stdout, (error) => {
  if (error.code !== "EPIPE")
    stderr.write(`twinrun: cannot write to standard output (${error.code}); the rest of it is dropped\n`);
});

process.exitCode = await runTwinrun(process.argv.slice(2), {
  stdout,
  stderr,
  cwd: process.cwd(),
  env: process.env,
  interrupts,
});
