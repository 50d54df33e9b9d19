// Finds the relative links of Markdown pages that point nowhere: a missing file, or an anchor
// that no heading of the target page makes (GitHub's heading ids).
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** A link that does not resolve, where it was written. */
export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  problem: string;
}

/** Why: GitHub gives a heading the id of its text lower-cased, punctuation dropped, spaces as hyphens. */
export function slugHeading(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

// Each line outside fenced code blocks: links in code are examples, not links.
function proseLines(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fenced = false;
  text.split("\n").forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) lines.push({ line: index + 1, text: raw });
  });
  return lines;
}

/** Why: anchors are checked against the ids a page's headings get, duplicates numbered as GitHub does. */
export function headingIds(text: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: line } of proseLines(text)) {
    const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const slug = slugHeading(match[1]!);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    ids.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return ids;
}

/** Why: the README and docs/ link to each other by file and heading; a moved section must not leave dead links. */
export function findBrokenLinks(file: string): BrokenLink[] {
  const text = readFileSync(file, "utf8");
  const broken: BrokenLink[] = [];
  for (const { line, text: raw } of proseLines(text)) {
    const prose = raw.replace(/`[^`]*`/g, "");
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
      const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
      const resolved = pathPart === "" ? file : path.resolve(path.dirname(file), decodeURI(pathPart));
      if (!existsSync(resolved)) {
        broken.push({ file, line, target, problem: `no file ${resolved}` });
        continue;
      }
      if (anchor === undefined) continue;
      if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) {
        broken.push({ file, line, target, problem: "an anchor into something that is not a Markdown page" });
        continue;
      }
      if (!headingIds(readFileSync(resolved, "utf8")).has(anchor))
        broken.push({ file, line, target, problem: `no heading #${anchor} in ${resolved}` });
    }
  }
  return broken;
}
