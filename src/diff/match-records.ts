// Pairs the records of two output files: by key fields, or else by position.
import { TwinrunError } from "../errors.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import type { OutputRecord } from "./read-output-file.ts";

/** One pair to compare; a record only on one side has the other side undefined. */
export interface RecordPair {
  old?: OutputRecord;
  new?: OutputRecord;
  /** The key fields' values (keyed matching only). */
  key?: Record<string, unknown>;
}

/** Pairs record i with record i; the longer file's extra records are unpaired. */
export function matchByPosition(oldRecords: OutputRecord[], newRecords: OutputRecord[]): RecordPair[] {
  const pairs: RecordPair[] = [];
  for (let i = 0; i < Math.max(oldRecords.length, newRecords.length); i++) {
    pairs.push({ old: oldRecords[i], new: newRecords[i] });
  }
  return pairs;
}

/**
 * Pairs records with equal key values, in the new file's order, then the old-only ones in the
 * old file's order. A record without a key field, or a duplicated key, is an error: matching
 * would otherwise silently pick one of them.
 */
export function matchByKey(
  fields: readonly string[],
  oldFile: { path: string; records: OutputRecord[] },
  newFile: { path: string; records: OutputRecord[] },
): RecordPair[] {
  const oldByKey = indexByKey(fields, oldFile.path, oldFile.records);
  const newByKey = indexByKey(fields, newFile.path, newFile.records);
  const pairs: RecordPair[] = [];
  for (const [keyText, entry] of newByKey) {
    const counterpart = oldByKey.get(keyText);
    pairs.push({ old: counterpart?.record, new: entry.record, key: entry.key });
  }
  for (const [keyText, entry] of oldByKey) {
    if (!newByKey.has(keyText)) pairs.push({ old: entry.record, key: entry.key });
  }
  return pairs;
}

function indexByKey(
  fields: readonly string[],
  path: string,
  records: OutputRecord[],
): Map<string, { record: OutputRecord; key: Record<string, unknown> }> {
  const byKey = new Map<string, { record: OutputRecord; key: Record<string, unknown> }>();
  for (const record of records) {
    const key = readKey(fields, path, record);
    const keyText = stringifyLossless(fields.map((field) => key[field]));
    const earlier = byKey.get(keyText);
    if (earlier !== undefined) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${path}:${record.line}: duplicate key ${describeKey(key)} (also at line ${earlier.record.line}); ` +
          "the key fields must identify each record (give more fields with --key a,b)",
      );
    }
    byKey.set(keyText, { record, key });
  }
  return byKey;
}

function readKey(fields: readonly string[], path: string, record: OutputRecord): Record<string, unknown> {
  const value = parseLossless(record.text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}:${record.line}: expected an object with key field "${fields[0]}", got ${record.text.slice(0, 80)}`,
    );
  }
  const key: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in value)) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${path}:${record.line}: the record has no key field "${field}" (--key ${fields.join(",")})`,
      );
    }
    key[field] = (value as Record<string, unknown>)[field];
  }
  return key;
}

/** `id=5` or `id=5, day="2024-01-01"`. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, value]) => `${field}=${stringifyLossless(value)}`)
    .join(", ");
}
