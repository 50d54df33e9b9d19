// The stratified strategy: proportional allocation per value of one top-level field, seeded,
// in one pass. Each stratum keeps a reservoir of the full sample size (its allocation is only
// known at the end), then is downsampled to its allocation. Memory is at most
// min(records, strata × size): stratifying by a near-unique field keeps nearly everything.

import { parseLossless } from "../json/parse.ts";
import { isIntegralFloat } from "../json/values.ts";
import { allocateStrata } from "./allocate-strata.ts";
import { parseJsonRecord } from "./json-text.ts";
import type { Random } from "./random.ts";
import { pickUniform, Reservoir } from "./reservoir.ts";
import { type RecordSelector, sortByIndex } from "./selectors.ts";
import type { InputRecord } from "./types.ts";

/** Why: keeps rare groups (a small country, a rare label) in the sample in proportion. */
export function createStratifiedSelector(size: number, field: string, random: Random): RecordSelector {
  const strata = new Map<string, Reservoir<InputRecord>>();
  return {
    offer(record) {
      const key = toStratumKey(readField(record.text, field));
      let reservoir = strata.get(key);
      if (reservoir === undefined) {
        reservoir = new Reservoir<InputRecord>(size, random);
        strata.set(key, reservoir);
      }
      reservoir.offer(record);
    },
    finish() {
      const reservoirs = [...strata.values()];
      const allocation = allocateStrata(
        reservoirs.map((reservoir) => reservoir.seen),
        size,
      );
      const chosen = reservoirs.flatMap((reservoir, i) =>
        pickUniform(reservoir.items(), allocation[i], random),
      );
      return sortByIndex(chosen);
    },
  };
}

function readField(text: string, field: string): unknown {
  const value = pickField(parseJsonRecord(text), field);
  // A double cannot tell big integer ids apart: read those exactly.
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return pickField(parseLossless(text), field);
  }
  return value;
}

function pickField(record: unknown, field: string): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
  return Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : null;
}

/**
 * Why: strata are keyed by the field's JSON-like text, so the string "1" and the number 1 differ
 * while 1 and 1.0 (the same value) share a stratum; a missing field is the stratum null.
 */
export function toStratumKey(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  if (isIntegralFloat(value)) return String(value.value);
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? String(inner) : inner));
}
