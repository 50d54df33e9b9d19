// A SampleRequest checked once and turned into a selector: the strategy that really runs
// (size "all" means all; indices mean replay), with every usage mistake reported up front,
// before a 10 GB file is read.
import { TwinrunError } from "../errors.ts";
import { createCoverSelector } from "./cover-selector.ts";
import { createRandom } from "./random.ts";
import {
  createAllSelector,
  createFirstSelector,
  createRandomSelector,
  createReplaySelector,
  type RecordSelector,
} from "./selectors.ts";
import { createStratifiedSelector } from "./stratified-selector.ts";
import {
  type CoverIdentity,
  SAMPLE_STRATEGIES,
  type SampleIdentity,
  type SampleRequest,
  type SampleStrategy,
} from "./types.ts";

/** The checked request: which strategy runs, with what. */
export interface SamplePlan {
  strategy: SampleIdentity["strategy"];
  /** Records wanted; undefined for all and replay. */
  size?: number;
  seed: number;
  stratifyBy?: string;
  /** Replay: the wanted indices, ascending and distinct. */
  indices?: number[];
}

/** Why: validates the request (size, seed, stratifyBy, indices) and picks the effective strategy. */
export function planSample(request: SampleRequest): SamplePlan {
  const { seed } = request;
  if (!Number.isSafeInteger(seed)) {
    throw new TwinrunError("USAGE", `seed: expected a whole number, got ${String(seed)}`);
  }
  if (!(SAMPLE_STRATEGIES as readonly SampleStrategy[]).includes(request.strategy)) {
    throw new TwinrunError(
      "USAGE",
      `strategy: expected one of ${SAMPLE_STRATEGIES.join(", ")}, got ${JSON.stringify(request.strategy)}`,
    );
  }
  if (request.indices !== undefined) {
    return { strategy: "replay", seed, indices: checkIndices(request.indices) };
  }
  if (request.strategy === "stratified" && (request.stratifyBy === undefined || request.stratifyBy === "")) {
    throw new TwinrunError(
      "USAGE",
      `strategy "stratified" needs a field to stratify by; got none (set stratifyBy, e.g. --stratify-by country)`,
    );
  }
  if (request.size === "all" || request.strategy === "all") return { strategy: "all", seed };
  if (!Number.isSafeInteger(request.size) || request.size < 1) {
    throw new TwinrunError(
      "USAGE",
      `sample size: expected a whole number ≥ 1 or "all", got ${String(request.size)}`,
    );
  }
  if (request.strategy === "stratified") {
    return { strategy: "stratified", size: request.size, seed, stratifyBy: request.stratifyBy };
  }
  return { strategy: request.strategy, size: request.size, seed };
}

/** Why: one place maps a plan to the selector that implements it (cover has its own, see sample.ts). */
export function createSelector(plan: SamplePlan): RecordSelector {
  switch (plan.strategy) {
    case "cover": {
      const selector = createCoverSelector(plan.size ?? 0, createRandom(plan.seed));
      let cover: CoverIdentity | undefined;
      return {
        offer: (record, value, native) => selector.offer(record, value, native),
        finish() {
          const result = selector.finish();
          cover = result.cover;
          return result.records;
        },
        needsValue: true,
        identity: () => (cover === undefined ? {} : { cover }),
      };
    }
    case "replay":
      return createReplaySelector(plan.indices ?? []);
    case "all":
      return createAllSelector();
    case "first":
      return createFirstSelector(plan.size ?? 0);
    case "random":
      return createRandomSelector(plan.size ?? 0, createRandom(plan.seed));
    case "stratified":
      return createStratifiedSelector(plan.size ?? 0, plan.stratifyBy ?? "", createRandom(plan.seed));
  }
}

function checkIndices(indices: readonly number[]): number[] {
  if (indices.length === 0) {
    throw new TwinrunError("USAGE", "replay: expected at least one record index, got none");
  }
  for (const index of indices) {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new TwinrunError(
        "USAGE",
        `replay: expected record indices that are whole numbers ≥ 0, got ${String(index)}`,
      );
    }
  }
  return [...new Set(indices)].sort((a, b) => a - b);
}
