import { describe, expect, it } from "vitest";
import { neutraliseText, REPORTER_NAMES, reporters } from "../../../src/reporters/index.ts";
import { makeAcceptedReport } from "./ci-report-factory.ts";
import { makeDifference, makeExample, makePathStats } from "./report-factory.ts";

// Escape sequences (screen clear, OSC 8 link, cursor moves), C0/C1 controls, DEL, bidi overrides, markup.
const HOSTILE =
  "\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u0000\u0008\r\u007f\u0085\u009b31m\u202eevil\u2066<script>alert(1)</script>|**bold**";

function hostileReport() {
  const report = makeAcceptedReport();
  return {
    ...report,
    verdict: "changed" as const,
    error: `run error ${HOSTILE}`,
    components: {
      old: { label: `old ${HOSTILE}`, spec: `python3 old.py ${HOSTILE}` },
      new: { label: `new ${HOSTILE}`, spec: `python3 new.py ${HOSTILE}` },
    },
    sample: { ...report.sample, source: `data/${HOSTILE}.jsonl` },
    paths: [makePathStats({ path: `score${HOSTILE}` }), ...report.paths],
    examples: [
      makeExample({
        input: { name: HOSTILE, [`key${HOSTILE}`]: 1 },
        inputText: JSON.stringify({ name: HOSTILE }),
        differences: [
          makeDifference({ path: `score${HOSTILE}`, kind: "value", old: HOSTILE, new: `${HOSTILE}!` }),
        ],
        old: { status: "ok", output: { score: HOSTILE }, durationMs: 1 },
        new: {
          status: "failure",
          failure: { kind: "exception", message: `Traceback ${HOSTILE}`, stderr: `stderr ${HOSTILE}` },
          durationMs: 1,
        },
      }),
    ],
  } as ReturnType<typeof makeAcceptedReport>;
}

// Anything but twinrun's own SGR colour codes (ESC [ digits ; m) counts as raw.
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

async function render(name: (typeof REPORTER_NAMES)[number], color: boolean): Promise<string> {
  let text = "";
  await reporters[name](
    hostileReport(),
    { write: (chunk) => (text += chunk) },
    {
      color,
      examples: 5,
      reproCommand: (index) => `npx twinrun run --replay r.json --only ${index}`,
    },
  );
  return text;
}

describe("hostile strings in every output format", () => {
  const shown = REPORTER_NAMES.filter((name) => name !== "json");

  it.each(shown.flatMap((name) => [[name, false] as const, [name, true] as const]))(
    "%s (colour %s) shows control characters escaped and no escape sequence but its own colours",
    async (name, color) => {
      const text = await render(name, color);
      const withoutOwnColours = text.replace(/\u001b\[[0-9;]*m/g, "");
      expect(withoutOwnColours).not.toMatch(RAW_CONTROL);
      expect(text).not.toContain("\u001b]8");
      expect(text).toContain("\\x1b");
      if (!color) expect(text).not.toContain("\u001b");
    },
  );

  it("makes markup inert where it lands in Markdown", async () => {
    const markdown = await render("markdown", false);
    // Code spans and fenced blocks show their text literally; everywhere else markup is escaped.
    const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, "").replace(/(`+)[\s\S]*?\1/g, "");
    expect(markdown).toContain("<script>");
    expect(prose).not.toMatch(/(?<!\\)<script>/);
    expect(prose).not.toMatch(/(?<!\\)\*\*bold/);
    expect(markdown).toContain("\\x1b[2J");
  });

  it("keeps the JSON report exact: strict JSON escapes control characters itself", async () => {
    const json = await render("json", false);
    expect(json).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(JSON.parse(json).components.old.spec).toBe(`python3 old.py ${HOSTILE}`);
  });

  it("escapes one character at a time, as \\xNN or \\uNNNN", () => {
    expect(neutraliseText("a\u001b[2Jb\u202e\u0085\tc\nd")).toBe("a\\x1b[2Jb\\u202e\\x85\tc\nd");
  });
});
