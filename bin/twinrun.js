#!/usr/bin/env node
// twinrun runs straight from its TypeScript sources through tsx: no build step, so
// `npx twinrun` works right after `npm ci` and can never run a stale build.

// Until the CLI takes over signals, an interrupt while the sources load still says what happened.
const onStartupSignal = (signal) => {
  process.stderr.write(`\ntwinrun: interrupted (${signal}) during start-up; nothing ran\n`);
  process.exit(130);
};
onStartupSignal.twinrunStartup = true;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, onStartupSignal);

const { register } = await import("tsx/esm/api");
register();
await import("../src/cli/main.ts");
