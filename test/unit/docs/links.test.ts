import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../helpers/cli.ts";
import { findBrokenLinks, headingIds, slugHeading } from "./doc-links.ts";

// The pages a reader follows links between: the README, docs/ and the examples' READMEs.
function documentationPages(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(REPO_ROOT, "docs", name));
  const examples = readdirSync(path.join(REPO_ROOT, "examples"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(REPO_ROOT, "examples", entry.name, "README.md"))
    .filter((file) => existsSync(file));
  return [path.join(REPO_ROOT, "README.md"), ...docs, ...examples];
}

describe("documentation links", () => {
  it("point to files and headings that exist, in the README, docs/ and the examples", () => {
    const pages = documentationPages();
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap((page) => findBrokenLinks(page))).toEqual([]);
  });

  it("name headings by GitHub's ids", () => {
    expect(slugHeading("Sharding: `--shard` and `twinrun merge`")).toBe("sharding---shard-and-twinrun-merge");
    expect(slugHeading("The old side from git: `--base`")).toBe("the-old-side-from-git---base");
    expect(slugHeading("Strings, null and types")).toBe("strings-null-and-types");
    expect([...headingIds("# A\n## Notes\n```\n## Not a heading\n```\n## Notes\n")]).toEqual([
      "a",
      "notes",
      "notes-1",
    ]);
  });

  it("report a missing page and a missing heading, with the line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-links-"));
    try {
      writeFileSync(path.join(dir, "other.md"), "# Other\n\n## Present\n");
      const page = path.join(dir, "page.md");
      writeFileSync(
        page,
        "# Page\n\n[fine](other.md#present) [gone](missing.md)\n`[code](missing.md)`\n[stale](other.md#absent) [self](#page)\n",
      );
      expect(findBrokenLinks(page).map(({ line, target }) => ({ line, target }))).toEqual([
        { line: 3, target: "missing.md" },
        { line: 5, target: "other.md#absent" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
