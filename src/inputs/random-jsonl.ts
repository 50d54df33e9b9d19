// The fast path of `random` over JSONL: records are chosen by position among the non-blank lines
// (Algorithm L knows the next position it takes), so only the lines it keeps are decoded and
// parsed; the rest are split and hashed as raw bytes. The sha256 is computed in the same pass.
import { isUtf8 } from "node:buffer";
import { TwinrunError } from "../errors.ts";
import { asBytes } from "./bytes.ts";
import { findJsonProblem } from "./json-text.ts";
import type { Random } from "./random.ts";
import { lineContent, readLineBytes } from "./read-lines.ts";
import type { ReadOptions } from "./record-sink.ts";
import { sortByIndex } from "./selectors.ts";
import { SkipReservoir } from "./skip-reservoir.ts";
import type { InputRecord } from "./types.ts";

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;

/** What the fast pass found: the kept records, how many records the source has, its sha256. */
export interface RandomJsonlResult {
  records: InputRecord[];
  totalRecords: number;
  sha256: string;
}

/**
 * Why: a random sample of a 10 GB file must cost about one read of it. Lines not kept are never
 * decoded or parsed, so a malformed line that is not sampled goes unnoticed (the trials never see
 * it); a malformed line that is kept fails the run with its line number, as before.
 */
export async function sampleJsonlRandom(
  path: string,
  size: number,
  random: Random,
  options: ReadOptions = {},
): Promise<RandomJsonlResult> {
  const reservoir = new SkipReservoir<{ record: InputRecord; validUtf8: boolean }>(size, random);
  let lineNumber = 0;

  const onLine = (bytes: Buffer, start: number, end: number, terminated: boolean): void => {
    lineNumber += 1;
    const { from, to } = lineContent(bytes, start, end, terminated, lineNumber === 1);
    const first = bytes[from];
    const surelyRecord = to > from && (first === OPEN_BRACE || first === OPEN_BRACKET || first === QUOTE);
    if (surelyRecord && !reservoir.wantsNext()) {
      reservoir.pass();
      return;
    }
    const text = bytes.toString("utf8", from, to);
    if (!surelyRecord && text.trim() === "") return;
    if (!reservoir.wantsNext()) {
      reservoir.pass();
      return;
    }
    const validUtf8 = !text.includes("\uFFFD") || isUtf8(asBytes(bytes.subarray(from, to)));
    reservoir.offer({ record: { index: reservoir.seen, line: lineNumber, text }, validUtf8 });
  };

  const sha256 = await readLineBytes(path, onLine, options);
  const kept = reservoir.items();
  for (const { record, validUtf8 } of sortByKeptIndex(kept)) {
    const problem = validUtf8 ? findJsonProblem(record.text) : "the line is not valid UTF-8 text";
    if (problem !== undefined) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${path}:${record.line}: ${problem} (use --on-bad-input skip to skip malformed records)`,
      );
    }
  }
  return {
    records: sortByIndex(kept.map((entry) => entry.record)),
    totalRecords: reservoir.seen,
    sha256,
  };
}

function sortByKeptIndex<T extends { record: InputRecord }>(kept: T[]): T[] {
  return kept.slice().sort((a, b) => a.record.index - b.record.index);
}
