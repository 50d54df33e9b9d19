#!/usr/bin/env node
// twinrun's command: the compiled CLI in dist/ (built by `npm run build`, which `prepare` runs on
// `npm ci` and `npm pack`). Tests run the sources instead (test/helpers/cli.ts).
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "twinrun: the compiled CLI (dist/) is missing; run `npm run build` in the twinrun folder\n",
  );
  process.exit(2);
}
await import(main.href);
