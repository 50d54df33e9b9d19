// One streamed pass over a table file in JavaScript, beside the engine's own read: its sha256
// (the report names what was compared) and how many line breaks it holds, which tells whether
// a row's line can be computed from its position or has to be looked up (see row-lines.ts).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";
import { asBytes } from "../../inputs/bytes.ts";

const NEWLINE = 0x0a;

export interface FileFacts {
  sha256: string;
  /** Line breaks (`\n`) in the file. */
  newlines: number;
  /** True when the last byte is a line break (or the file is empty). */
  endsWithNewline: boolean;
}

/** Why: hashing and counting lines in native code costs a fraction of the engine's read. */
export function scanFileFacts(path: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  let newlines = 0;
  let last = NEWLINE;
  return new Promise((resolve, reject) => {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    file.on("data", (data) => {
      const chunk = data as Buffer;
      hash.update(asBytes(chunk));
      let at = chunk.indexOf(NEWLINE);
      while (at !== -1) {
        newlines += 1;
        at = chunk.indexOf(NEWLINE, at + 1);
      }
      if (chunk.length > 0) last = chunk[chunk.length - 1];
    });
    file.on("error", (error) => reject(toInputFileError(path, error)));
    file.on("end", () =>
      resolve({ sha256: hash.digest("hex"), newlines, endsWithNewline: last === NEWLINE }),
    );
  });
}
