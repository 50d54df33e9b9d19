// `twinrun init`: write a commented starter config in the working folder.
import path from "node:path";
import { writeStarterConfig } from "../config/starter.ts";
import type { CliIo } from "./io.ts";

/** Why: the CLI's init action; returns its exit code. */
export async function runInitCommand(options: { force?: boolean }, io: CliIo): Promise<number> {
  const written = await writeStarterConfig(io.cwd, { force: options.force === true });
  io.stdout.write(`twinrun: wrote ${path.relative(io.cwd, written) || written}\n`);
  return 0;
}
