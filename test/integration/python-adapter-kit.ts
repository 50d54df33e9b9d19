// Shared set-up for the Python adapter's integration tests: adapters with test defaults (fixture
// modules, the python3 from PATH) that are stopped after each test, and helpers over outcomes.
import { afterEach } from "vitest";
import { createPythonAdapter, type PythonAdapterOptions } from "../../adapters/python/index.ts";
import type { Failure, Outcome, RecordAdapter, TrialInput } from "../../adapters/types.ts";
import { PLAIN_PYTHON, PYTHON_FIXTURES } from "../fixtures/python/python-env.ts";

/** Registers the hooks of one test file and returns its adapter factory. */
export function usePythonAdapterKit() {
  const adapters: RecordAdapter[] = [];
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((adapter) => adapter.stop()));
  });
  return {
    /** A started-on-demand adapter for `record_functions.<function>` unless overridden; stopped after each test. */
    adapterFor(overrides: Partial<PythonAdapterOptions> & { function: string }): RecordAdapter {
      const adapter = createPythonAdapter({
        side: "old",
        python: PLAIN_PYTHON,
        module: "record_functions",
        style: "record",
        cwd: PYTHON_FIXTURES,
        path: [],
        // No __pycache__ folders in the repository's fixtures.
        env: { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
        seedEachCall: false,
        timeoutMs: 20_000,
        concurrency: 1,
        ...overrides,
      });
      adapters.push(adapter);
      return adapter;
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

/** The output text of an ok outcome; throws (failing the test) when it failed. */
export function textOf(outcome: Outcome): string {
  if (outcome.status !== "ok") throw new Error(`expected an ok outcome, got ${JSON.stringify(outcome)}`);
  return outcome.text;
}

/** The parsed output of an ok outcome (JSON.parse: for plain values only). */
export function outputOf<T = Record<string, unknown>>(outcome: Outcome): T {
  return JSON.parse(textOf(outcome)) as T;
}
