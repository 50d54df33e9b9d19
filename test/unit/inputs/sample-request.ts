// Test data for the sampler: a SampleRequest factory and temp files that clean up after themselves.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SampleRequest } from "../../../src/inputs/types.ts";

/** Absolute path of a file in test/fixtures/inputs. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/inputs/${name}`, import.meta.url));
}

/** A request with sensible defaults; override what the test is about. */
export function makeRequest(overrides: Partial<SampleRequest> & Pick<SampleRequest, "path">): SampleRequest {
  return {
    size: 10,
    strategy: "random",
    seed: 42,
    csvStrings: false,
    onBadInput: "fail",
    ...overrides,
  };
}

/** A temp folder per test file: write(name, content) returns the path; remove() deletes it all. */
export function createTempFiles(): { write(name: string, content: string | Buffer): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "twinrun-inputs-"));
  return {
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content as string);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSONL text of records `{"i":0}` … `{"i":count-1}`, optionally with extra fields from make. */
export function makeJsonl(
  count: number,
  make: (i: number) => Record<string, unknown> = (i) => ({ i }),
): string {
  let text = "";
  for (let i = 0; i < count; i += 1) text += `${JSON.stringify(make(i))}\n`;
  return text;
}
