#!/usr/bin/env node
// twinrun's command: the compiled CLI in dist/ (built by `npm run build`, which `prepare` runs on
// `npm ci` and `npm pack`). Tests run the sources instead (test/helpers/cli.ts).
import { existsSync } from "node:fs";

// Until the CLI takes over signals, an interrupt while it loads still says what happened.
const onStartupSignal = (signal) => {
  process.stderr.write(`\ntwinrun: interrupted (${signal}) during start-up; nothing ran\n`);
  process.exit(130);
};
onStartupSignal.twinrunStartup = true;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, onStartupSignal);

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "twinrun: the compiled CLI (dist/) is missing; run `npm run build` in the twinrun folder\n",
  );
  process.exit(2);
}
await import(main.href);
