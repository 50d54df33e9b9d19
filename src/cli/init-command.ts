// `twinrun init`: write a commented starter config in the working folder.
import path from "node:path";
import { writeStarterConfig } from "../config/starter.ts";

export async function runInitCommand(options: { force?: boolean }): Promise<void> {
  const written = await writeStarterConfig(process.cwd(), { force: options.force === true });
  process.stdout.write(`twinrun: wrote ${path.relative(process.cwd(), written) || written}\n`);
}
