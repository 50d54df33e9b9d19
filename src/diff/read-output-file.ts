// Reads one output file of `twinrun diff` into memory as exact record texts.
// Matching by key needs random access to one side; position matching keeps the code one path.
import { TwinrunError } from "../errors.ts";
import { assertReadableFile } from "../inputs/assert-readable-file.ts";
import { readRecords } from "../inputs/read-records.ts";
import type { InputFormat } from "../inputs/types.ts";

export interface OutputRecord {
  /** 0-based position among the file's records. */
  position: number;
  /** 1-based line where the record starts. */
  line: number;
  text: string;
}

/** Every record of the file, in order, and the file's sha256; a malformed record is an error. */
export async function readOutputFile(
  path: string,
  format: InputFormat,
  csvStrings: boolean,
): Promise<{ records: OutputRecord[]; sha256: string }> {
  await assertReadableFile(path);
  const records: OutputRecord[] = [];
  const sha256 = await readRecords(
    path,
    format,
    {
      accept: (line, text) => records.push({ position: records.length, line, text }),
      reject: (line, problem) => {
        throw new TwinrunError("INPUT_INVALID", `${path}:${line}: ${problem}`);
      },
    },
    { csvStrings },
  );
  return { records, sha256 };
}
