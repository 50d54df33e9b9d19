// The README is the page a newcomer reads top to bottom: short, the workflows in the order a user
// meets them, and a way to every topic page in docs/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../helpers/cli.ts";

const README = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

function headings(level: string): string[] {
  return README.split("\n")
    .filter((line) => line.startsWith(`${level} `))
    .map((line) => line.slice(level.length + 1));
}

// True when every wanted heading is there, in this order (other headings may sit between them).
function inOrder(found: readonly string[], wanted: readonly string[]): boolean {
  let at = 0;
  for (const heading of found) if (heading === wanted[at]) at += 1;
  return at === wanted.length;
}

describe("README", () => {
  it("stays at most 300 lines, the details living in docs/", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(300);
  });

  it("shows the main workflows in the order a user meets them", () => {
    expect(
      inOrder(headings("###"), [
        "A Python function",
        "A pandas batch step",
        "A table diff",
        "SQL models",
        "The PR gate",
        "Accepting a change",
        "The vitest matcher",
      ]),
    ).toBe(true);
    expect(
      inOrder(headings("##"), [
        "Install",
        "Quick start",
        "How it works",
        "Workflows",
        "Adding twinrun to your project",
        "Documentation",
        "Development",
      ]),
    ).toBe(true);
  });

  it("links every page of docs/", () => {
    const pages = readdirSync(path.join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md"));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((page) => !README.includes(`](docs/${page}`))).toEqual([]);
  });
});
