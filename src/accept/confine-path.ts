// Paths that come from a file rather than from the user (a report's accepted-differences file)
// are confined to the project folder: a crafted report must not make `twinrun accept` write
// anywhere else. A path the user names (--out) is theirs and is not confined.
import { realpathSync } from "node:fs";
import path from "node:path";
import { TwinrunError } from "../errors.ts";

/**
 * Why: returns the resolved path when it lies inside `projectDir` (symlinked folders resolved),
 * else throws a usage error (exit 2) naming where the path came from and how to write there on purpose.
 */
export function confineToProject(candidate: string, projectDir: string, source: string): string {
  const resolved = path.resolve(projectDir, candidate);
  const root = realFolder(projectDir);
  const target = path.join(realFolder(path.dirname(resolved)), path.basename(resolved));
  const relative = path.relative(root, target);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new TwinrunError(
      "USAGE",
      `${source} names ${JSON.stringify(candidate)}, which is outside the project folder ${root}; ` +
        "twinrun only writes there when you name the file yourself (--out <file>)",
    );
  }
  return target;
}

/** The real path of a folder, or of its nearest existing ancestor joined with the rest. */
function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    const parent = path.dirname(folder);
    return parent === folder ? folder : path.join(realFolder(parent), path.basename(folder));
  }
}
