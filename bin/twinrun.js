#!/usr/bin/env node
// twinrun runs straight from its TypeScript sources through tsx: no build step, so
// `npx twinrun` works right after `npm ci` and can never run a stale build.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
