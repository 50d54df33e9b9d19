// Shared set-up for the command adapter's integration tests: adapters with test defaults that are
// stopped after each test, a scratch folder, and small helpers over outcomes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach } from "vitest";
import { createCommandAdapter } from "../../../adapters/command/index.ts";
import type { CommandAdapterOptions } from "../../../adapters/command/types.ts";
import type { Failure, Outcome, RecordAdapter, TrialInput } from "../../../adapters/types.ts";
import { PROGRAMS_DIR } from "../../fixtures/programs/programs.ts";

/** Registers the hooks of one test file and returns its helpers. */
export function useCommandAdapterKit() {
  const scratch = mkdtempSync(path.join(tmpdir(), "twinrun-command-adapter-"));
  const adapters: RecordAdapter[] = [];
  let pidFiles = 0;
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((adapter) => adapter.stop()));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  return {
    scratch,
    /** An adapter with test defaults (per-input, side old, cwd = the programs folder); stopped after each test. */
    adapterFor(overrides: Partial<CommandAdapterOptions> & { command: string }): RecordAdapter {
      const adapter = createCommandAdapter({
        side: "old",
        mode: "per-input",
        cwd: PROGRAMS_DIR,
        env: {},
        shell: false,
        timeoutMs: 20_000,
        concurrency: 1,
        // start() watches a worker this long; tests that need the check set their own.
        startGraceMs: 100,
        ...overrides,
      });
      adapters.push(adapter);
      return adapter;
    },
    /** A fresh file path a fixture program can write a grandchild's pid to. */
    pidFile(): string {
      return path.join(scratch, `grandchild-${pidFiles++}.pid`);
    },
  };
}

/** A trial input holding the record as JSON text. */
export function input(record: unknown, index = 0): TrialInput {
  return { index, text: JSON.stringify(record) };
}

/** The failure of an outcome; throws (failing the test) when the outcome is ok. */
export function failureOf(outcome: Outcome): Failure {
  if (outcome.status !== "failure") throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
}

/** The pid a worker-pid.mjs answer names. */
export function pidOf(outcome: Outcome): number {
  if (outcome.status !== "ok") throw new Error(`expected an ok outcome, got ${JSON.stringify(outcome)}`);
  return (outcome.value as { pid: number }).pid;
}
