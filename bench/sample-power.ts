// Benchmark: the sampling power of `cover` against `random`. A generated corpus of 36 record
// sources (1,000–20,000 inputs) carries old/new changes that fire on 1–5 inputs: edge-value changes
// (the inputs with a missing key, a null, a NaN token, a rare category, …) and, as a control,
// changes on inputs chosen at random. For each change, sample size and strategy it counts the
// seeds (of 20) whose sample holds an input the change fires on. Detection is evaluated in-process
// (the change as a predicate of the input, applied to the sampled inputs), which measures exactly
// the sampler's power without running components 4,000 times.
// Run: npx tsx bench/sample-power.ts  (exits 1 when a target is missed)
import { createCoverSelector, DEFAULT_COVER_SHARE } from "../src/inputs/cover-selector.ts";
import { createRandom, type Random } from "../src/inputs/random.ts";
import { createRandomSelector } from "../src/inputs/selectors.ts";
import type { InputRecord } from "../src/inputs/types.ts";
import { parseLossless } from "../src/json/parse.ts";

const SOURCES = 36;
const SEEDS = 20;
const SIZES = [25, 50, 100];
const EDGE_CHANGES_PER_SOURCE = 3;
/** Control changes are cheap to evaluate, so there are many: their rates are then precise. */
const CONTROL_CHANGES_PER_SOURCE = 100;
/** Other edge inputs per source that no change fires on: real sources have more rare cases than bugs. */
const DISTRACTORS_PER_SOURCE = 8;

type Edit = (record: Record<string, unknown>) => string | undefined;

/** Edge kinds: how an ordinary record is turned into one holding the edge (text, to keep `1.0` and NaN). */
const EDGE_KINDS: Record<string, Edit> = {
  "missing key": (r) => {
    delete r.price;
    return undefined;
  },
  null: (r) => {
    r.name = null;
    return undefined;
  },
  "empty string": (r) => {
    r.name = "";
    return undefined;
  },
  "empty array": (r) => {
    r.tags = [];
    return undefined;
  },
  zero: (r) => {
    r.qty = 0;
    return undefined;
  },
  negative: (r) => {
    r.price = -Number(r.price);
    return undefined;
  },
  "NaN token": (r) => JSON.stringify(r).replace(/"price":[^,}]+/, '"price":NaN'),
  "integral float": (r) => JSON.stringify(r).replace(/"qty":(\d+)/, '"qty":$1.0'),
  "big integer": (r) => JSON.stringify(r).replace(/"id":\d+/, '"id":9007199254740993'),
  "non-ASCII": (r) => {
    r.name = `Zoë ${String(r.name)}`;
    return undefined;
  },
  "long string": (r) => {
    r.note = "x".repeat(400);
    return undefined;
  },
  whitespace: (r) => {
    r.name = `${String(r.name)} `;
    return undefined;
  },
  "rare category": (r) => {
    r.country = "lu";
    return undefined;
  },
  extreme: (r) => {
    r.price = 1e9;
    return undefined;
  },
};
const KIND_NAMES = Object.keys(EDGE_KINDS);

interface Change {
  kind: string;
  control: boolean;
  fires: Set<number>;
}

interface Source {
  records: InputRecord[];
  values: unknown[];
  changes: Change[];
}

function ordinary(i: number, random: Random): Record<string, unknown> {
  return {
    id: 1000 + i,
    name: `user-${random.nextInt(5000)}`,
    price: Math.round((1 + random.nextFloat() * 99) * 100) / 100,
    qty: 1 + random.nextInt(40),
    country: ["de", "fr", "us", "jp"][random.nextInt(4)],
    tags: ["a", "b"].slice(0, 1 + random.nextInt(2)),
    note: "ok",
  };
}

/** Why: one source with its changes; every edge input gets exactly one edge kind. */
function makeSource(n: number, random: Random): Source {
  const rows = Array.from({ length: n }, (_, i) => ordinary(i, random));
  const texts: (string | undefined)[] = new Array(n).fill(undefined);
  const used = new Set<number>();
  const freshIndex = (): number => {
    for (;;) {
      const i = random.nextInt(n);
      if (!used.has(i)) {
        used.add(i);
        return i;
      }
    }
  };
  const kinds = KIND_NAMES.slice();
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = random.nextInt(i + 1);
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const changes: Change[] = [];
  const plant = (kind: string, count: number): Set<number> => {
    const fires = new Set<number>();
    for (let c = 0; c < count; c += 1) {
      const i = freshIndex();
      texts[i] = EDGE_KINDS[kind](rows[i]);
      fires.add(i);
    }
    return fires;
  };
  for (let c = 0; c < EDGE_CHANGES_PER_SOURCE; c += 1) {
    const kind = kinds[c];
    changes.push({ kind, control: false, fires: plant(kind, 1 + random.nextInt(5)) });
  }
  for (let d = 0; d < DISTRACTORS_PER_SOURCE; d += 1)
    plant(
      kinds[EDGE_CHANGES_PER_SOURCE + (d % (kinds.length - EDGE_CHANGES_PER_SOURCE))],
      1 + random.nextInt(5),
    );
  for (let c = 0; c < CONTROL_CHANGES_PER_SOURCE; c += 1) {
    const fires = new Set<number>();
    const count = 1 + random.nextInt(5);
    while (fires.size < count) {
      const i = random.nextInt(n);
      if (!used.has(i)) fires.add(i);
    }
    changes.push({ kind: "random inputs", control: true, fires });
  }
  const records = rows.map((row, index) => ({
    index,
    line: index + 1,
    text: texts[index] ?? JSON.stringify(row),
  }));
  return { records, values: records.map((record) => parseLossless(record.text)), changes };
}

function sampleIndices(
  source: Source,
  strategy: "cover" | "random",
  size: number,
  seed: number,
): Set<number> {
  const random = createRandom(seed);
  if (strategy === "random") {
    const selector = createRandomSelector(size, random);
    for (const record of source.records) selector.offer(record);
    return new Set(selector.finish().map((record) => record.index));
  }
  const selector = createCoverSelector(size, random);
  for (const [i, record] of source.records.entries()) selector.offer(record, source.values[i]);
  return new Set(selector.finish().records.map((record) => record.index));
}

function main(): void {
  const corpusRandom = createRandom(2024);
  const sources = Array.from({ length: SOURCES }, (_, s) =>
    makeSource(1000 + Math.round((s / (SOURCES - 1)) * 19_000), corpusRandom),
  );
  const edgeChanges = sources.reduce(
    (sum, source) => sum + source.changes.filter((c) => !c.control).length,
    0,
  );
  const controlChanges = sources.reduce(
    (sum, source) => sum + source.changes.filter((c) => c.control).length,
    0,
  );
  // detected[strategy][size][control] = detections summed over changes and seeds.
  const detected = new Map<string, number>();
  const key = (strategy: string, size: number, control: boolean) => `${strategy}/${size}/${control}`;
  const randomSizes = [
    ...new Set([...SIZES, ...SIZES.map((size) => size - Math.floor(size * DEFAULT_COVER_SHARE))]),
  ];
  for (const source of sources) {
    for (const [strategy, sizes] of [
      ["cover", SIZES],
      ["random", randomSizes],
    ] as const) {
      for (const size of sizes) {
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const sample = sampleIndices(source, strategy, size, seed);
          for (const change of source.changes) {
            if (![...change.fires].some((i) => sample.has(i))) continue;
            const k = key(strategy, size, change.control);
            detected.set(k, (detected.get(k) ?? 0) + 1);
          }
        }
      }
    }
  }
  const rate = (strategy: string, size: number, control: boolean) =>
    (detected.get(key(strategy, size, control)) ?? 0) / ((control ? controlChanges : edgeChanges) * SEEDS);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const inputs = sources.map((source) => source.records.length);
  console.log(
    `corpus:    ${SOURCES} sources (${Math.min(...inputs)}–${Math.max(...inputs)} inputs), ${edgeChanges} edge-value changes, ${controlChanges} random-control changes, ${SEEDS} seeds`,
  );
  console.log("size | edge: cover  random | control: cover  random  random at size−share");
  let ok = true;
  for (const size of SIZES) {
    const rest = size - Math.floor(size * DEFAULT_COVER_SHARE);
    const row = [
      rate("cover", size, false),
      rate("random", size, false),
      rate("cover", size, true),
      rate("random", size, true),
      rate("random", rest, true),
    ];
    console.log(
      `${String(size).padStart(4)} |       ${pct(row[0])} ${pct(row[1])} |          ${pct(row[2])} ${pct(row[3])}  ${pct(row[4])} (n=${rest})`,
    );

    if (size === 25 && row[0] < 2 * row[1]) ok = false;
    // The two control rates are equal in expectation; allow two standard errors of noise.
    const trials = controlChanges * SEEDS;
    const noise = 2 * Math.sqrt((row[4] * (1 - row[4])) / trials) * Math.SQRT2;
    if (row[2] < row[4] - noise) ok = false;
  }
  if (ok)
    console.log(
      "ok:        cover ≥ 2× random on edge changes at 25; control no worse than random at size − cover share",
    );
  else {
    console.error("FAIL: a sampling-power target was missed");
    process.exitCode = 1;
  }
}

main();
