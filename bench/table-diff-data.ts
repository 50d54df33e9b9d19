// The data of bench/table-diff.ts: a pair of wide CSV files (id + 19 int, float and string
// columns) where new = old with a few hundred changed values, float noise at 1e-12 relative, a
// handful of dropped and added rows, and its rows shuffled in blocks. Generated once per size and
// cached (outside the repository), with the changes injected per column, to check tools against.
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRandom } from "../src/inputs/random.ts";

/** Bump when the generated data changes, so stale caches are not reused. */
const DATA_VERSION = 2;
const CHANGED_VALUES = 400;
const DROPPED_ROWS = 5;
const ADDED_ROWS = 5;
const NOISE_ROW_SHARE = 0.05;
const NULL_CHANGE_SHARE = 0.1;
const BLOCK_ROWS = 1000;
const ROWS_PER_WRITE = 5000;

const COUNTRIES = ["DE", "FR", "NL", "US", "GB", "ES", "IT", "JP", "BR", "IN"];
const SEGMENTS = ["new", "casual", "regular", "loyal", "churned"];
const STATUSES = ["active", "paused", "closed", "pending"];
const CHANNELS = ["web", "app", "store", "phone"];

type ColumnKind = "int" | "float" | "string";
type Cell = number | string | null;

/** The columns after `id`: 6 int, 8 float, 5 string. Each makes a cell from a row's random stream. */
const COLUMNS: { name: string; kind: ColumnKind; make: (next: () => number) => Cell }[] = [
  { name: "age", kind: "int", make: (next) => 18 + Math.floor(next() * 73) },
  { name: "visits", kind: "int", make: (next) => Math.floor(next() * 500) },
  { name: "items", kind: "int", make: (next) => Math.floor(next() * 50) },
  { name: "tenure_days", kind: "int", make: (next) => Math.floor(next() * 3650) },
  { name: "clicks", kind: "int", make: (next) => Math.floor(next() * 1_000_000) },
  { name: "rank", kind: "int", make: (next) => 1 + Math.floor(next() * 100_000) },
  { name: "price", kind: "float", make: (next) => Math.round((0.5 + next() * 500) * 100) / 100 },
  { name: "score", kind: "float", make: (next) => next() },
  { name: "amount", kind: "float", make: (next) => Math.exp(3 + next() * 6) },
  { name: "ratio", kind: "float", make: (next) => next() / (0.1 + next()) },
  { name: "lat", kind: "float", make: (next) => Math.round((-60 + next() * 130) * 1e6) / 1e6 },
  { name: "lon", kind: "float", make: (next) => Math.round((-180 + next() * 360) * 1e6) / 1e6 },
  { name: "balance", kind: "float", make: (next) => (next() - 0.3) * 10_000 },
  { name: "weight", kind: "float", make: (next) => (next() < 0.01 ? null : 40 + next() * 80) },
  { name: "country", kind: "string", make: (next) => pick(COUNTRIES, next) },
  { name: "segment", kind: "string", make: (next) => (next() < 0.005 ? null : pick(SEGMENTS, next)) },
  { name: "status", kind: "string", make: (next) => pick(STATUSES, next) },
  {
    name: "sku",
    kind: "string",
    make: (next) =>
      `SKU-${Math.floor(next() * 1e8)
        .toString(36)
        .toUpperCase()}`,
  },
  { name: "channel", kind: "string", make: (next) => pick(CHANNELS, next) },
];

/** The engine types of the columns, `id` first, for writing the pair as Parquet. */
export function columnSqlTypes(): Record<string, string> {
  const types: Record<string, string> = { id: "BIGINT" };
  for (const column of COLUMNS)
    types[column.name] = column.kind === "int" ? "BIGINT" : column.kind === "float" ? "DOUBLE" : "VARCHAR";
  return types;
}

/** The files of one size and what was injected into new. */
export interface TableDiffData {
  rows: number;
  oldPath: string;
  newPath: string;
  columns: string[];
  /** Rows in both files whose value in the column was changed beyond tolerance. */
  changedRows: Record<string, number>;
  onlyOld: number;
  onlyNew: number;
  noisyCells: number;
}

/** Why: generation takes a while at 1M rows; each size is made once and reused. */
export async function ensureTableDiffData(rows: number): Promise<TableDiffData> {
  const root = process.env.TWINRUN_BENCH_CACHE ?? path.join(tmpdir(), "twinrun-bench-cache");
  const dir = path.join(root, `table-diff-v${DATA_VERSION}-${rows}`);
  const metaPath = path.join(dir, "expected.json");
  if (existsSync(metaPath)) return JSON.parse(readFileSync(metaPath, "utf8")) as TableDiffData;
  mkdirSync(dir, { recursive: true });
  const data = await generate(rows, path.join(dir, "old.csv"), path.join(dir, "new.csv"));
  // Written last and renamed into place: its presence means both files are complete.
  writeFileSync(`${metaPath}.tmp`, JSON.stringify(data, null, 2));
  renameSync(`${metaPath}.tmp`, metaPath);
  return data;
}

async function generate(rows: number, oldPath: string, newPath: string): Promise<TableDiffData> {
  const next = createRandom(20240601).nextFloat;
  const dropped = new Set<number>();
  while (dropped.size < Math.min(DROPPED_ROWS, rows - 1)) dropped.add(1 + Math.floor(next() * rows));

  // Changes: (row, column) → new cell; a column's changed rows are its distinct changed ids.
  const changes = new Map<number, Map<number, Cell>>();
  let injected = 0;
  while (injected < CHANGED_VALUES) {
    const id = 1 + Math.floor(next() * rows);
    const column = Math.floor(next() * COLUMNS.length);
    if (dropped.has(id) || changes.get(id)?.has(column)) continue;
    const oldCell = makeRow(id)[column];
    const cell =
      next() < NULL_CHANGE_SHARE && oldCell !== null ? null : changeCell(COLUMNS[column].kind, oldCell);
    const row = changes.get(id) ?? new Map<number, Cell>();
    changes.set(id, row.set(column, cell));
    injected += 1;
  }
  const changedRows: Record<string, number> = {};
  for (const row of changes.values()) {
    for (const column of row.keys()) {
      const name = COLUMNS[column].name;
      changedRows[name] = (changedRows[name] ?? 0) + 1;
    }
  }

  const blocks = Array.from({ length: Math.ceil(rows / BLOCK_ROWS) }, (_, i) => i);
  for (let i = blocks.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
  const addedAfterBlock = new Map<number, number[]>();
  for (let i = 0; i < ADDED_ROWS; i += 1) {
    const block = Math.floor(next() * blocks.length);
    addedAfterBlock.set(block, [...(addedAfterBlock.get(block) ?? []), rows + 1 + i]);
  }

  const header = ["id", ...COLUMNS.map((column) => column.name)];
  await writeCsv(oldPath, header, function* () {
    for (let id = 1; id <= rows; id += 1) yield [id, ...makeRow(id)];
  });
  let noisyCells = 0;
  await writeCsv(newPath, header, function* () {
    for (const block of blocks) {
      const end = Math.min(rows, (block + 1) * BLOCK_ROWS);
      for (let id = block * BLOCK_ROWS + 1; id <= end; id += 1) {
        if (dropped.has(id)) continue;
        const cells = makeRow(id);
        if (addNoise(id, cells)) noisyCells += 1;
        for (const [column, cell] of changes.get(id) ?? []) cells[column] = cell;
        yield [id, ...cells];
      }
      for (const id of addedAfterBlock.get(block) ?? []) yield [id, ...makeRow(id)];
    }
  });
  return {
    rows,
    oldPath,
    newPath,
    columns: header,
    changedRows,
    onlyOld: dropped.size,
    onlyNew: ADDED_ROWS,
    noisyCells,
  };
}

/** Why: a row depends on its id alone, so new can be written in any order without holding old. */
function makeRow(id: number): Cell[] {
  const next = createRandom(id * 2654435761).nextFloat;
  return COLUMNS.map((column) => column.make(next));
}

/** Float noise at about 1e-12 relative on one float cell of some rows (within any sane tolerance). */
function addNoise(id: number, cells: Cell[]): boolean {
  const next = createRandom(id * 40503 + 17).nextFloat;
  if (next() >= NOISE_ROW_SHARE) return false;
  const floats = COLUMNS.flatMap((column, i) => (column.kind === "float" ? [i] : []));
  const column = floats[Math.floor(next() * floats.length)];
  const cell = cells[column];
  if (typeof cell !== "number" || cell === 0) return false;
  const epsilon = (0.2 + next() * 0.8) * 1e-12 * (next() < 0.5 ? -1 : 1);
  cells[column] = cell * (1 + epsilon);
  return cells[column] !== cell;
}

/** A real change: well beyond tolerance, same kind of value. */
function changeCell(kind: ColumnKind, cell: Cell): Cell {
  if (cell === null) return kind === "string" ? "changed" : 1;
  if (kind === "int") return (cell as number) + 3;
  if (kind === "float") return (cell as number) * 1.01 + 0.5;
  return `${cell}-v2`;
}

function pick<T>(values: readonly T[], next: () => number): T {
  return values[Math.floor(next() * values.length)];
}

/** Why: rows are written in batches honouring backpressure, so generation stays small in memory. */
async function writeCsv(file: string, header: string[], rows: () => Generator<Cell[]>): Promise<void> {
  const out = createWriteStream(file);
  let batch = `${header.join(",")}\n`;
  let count = 0;
  for (const cells of rows()) {
    batch += `${cells.map((cell) => (cell === null ? "" : String(cell))).join(",")}\n`;
    count += 1;
    if (count % ROWS_PER_WRITE === 0) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
}
