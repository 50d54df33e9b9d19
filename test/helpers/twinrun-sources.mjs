// The twinrun command run from its TypeScript sources through tsx, as the tests run it: a change
// to src/ or adapters/ is tested at once, never through a stale dist/ build.
import { register } from "tsx/esm/api";

register();
await import("../../src/cli/main.ts");
