import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The package's own entry points, as the examples import them, resolve to the sources (the
    // package.json exports point at the dist/ build that users get).
    alias: [
      { find: /^twinrun$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      { find: /^twinrun\/vitest$/, replacement: fileURLToPath(new URL("./src/vitest.ts", import.meta.url)) },
    ],
  },
  test: {
    // `npm test` runs both; `npm run test:unit` / `npm run test:integration` one of them.
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/examples/**/*.test.ts"],
          // The CLI these tests spawn, compiled once per run from the current sources (only here:
          // a setup of the root config would run once more for every project).
          globalSetup: ["test/setup/compiled-cli.ts"],
        },
      },
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn real processes; two cores are shared between workers.
    maxWorkers: 2,
  },
});
