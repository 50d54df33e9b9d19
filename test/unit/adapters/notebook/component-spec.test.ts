// The `nb:` spelling: a notebook file with or without a function, and clear errors otherwise.
import { describe, expect, it } from "vitest";
import { isNotebookSpec, parseNotebookSpec } from "../../../../adapters/notebook/component-spec.ts";
import { TwinrunError } from "../../../../src/errors.ts";

function errorOf(parse: () => unknown): TwinrunError {
  try {
    parse();
  } catch (error) {
    if (error instanceof TwinrunError) return error;
    throw error;
  }
  throw new Error("expected a TwinrunError");
}

describe("parseNotebookSpec", () => {
  it.each([
    {
      text: "nb:explore.ipynb:add_features",
      expected: { notebook: "explore.ipynb", function: "add_features" },
    },
    {
      text: " nb:nbs/explore v2.ipynb:Pipeline.run ",
      expected: { notebook: "nbs/explore v2.ipynb", function: "Pipeline.run" },
    },
    { text: "nb:pipeline.ipynb", expected: { notebook: "pipeline.ipynb" } },
    { text: "nb:/abs/c:d/pipeline.ipynb", expected: { notebook: "/abs/c:d/pipeline.ipynb" } },
  ])("reads $text", ({ text, expected }) => {
    expect(isNotebookSpec(text)).toBe(true);
    expect(parseNotebookSpec(text, "--old")).toEqual(expected);
  });

  it.each([
    { text: "nb:explore.py:f", why: "the notebook must be a .ipynb file" },
    { text: "nb:", why: "the notebook must be a .ipynb file" },
    { text: "nb:explore.ipynb:", why: '"" is not a function name' },
    { text: "nb:explore.ipynb:add-features", why: '"add-features" is not a function name' },
    { text: "nb:explore.ipynbx", why: "the notebook must be a .ipynb file" },
  ])("rejects $text: $why", ({ text, why }) => {
    const error = errorOf(() => parseNotebookSpec(text, "--new"));
    expect(error.code).toBe("USAGE");
    expect(error.message).toContain("--new: expected nb:<notebook.ipynb>:<function> or nb:<notebook.ipynb>");
    expect(error.message).toContain(why);
  });

  it("leaves other specs alone", () => {
    expect(isNotebookSpec("py:features:build")).toBe(false);
    expect(isNotebookSpec("python3 nb.py")).toBe(false);
  });
});
