// Tiny real components for CLI tests, written as Node scripts into a test workspace.
// `body` is the body of `function features(record) { ... }`; it may throw, exit, hang or print.

/** A per-input component: the whole stdin is one JSON input; one JSON value on stdout. */
export function perInputComponent(body: string): string {
  return `let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const record = JSON.parse(text);
  const output = features(record);
  if (output !== undefined) process.stdout.write(typeof output === "string" ? output : JSON.stringify(output));
});
function features(record) {
${body}
}
`;
}

/** A worker-mode component: one JSON input per stdin line, one JSON line out per input. */
export function workerComponent(body: string): string {
  return `import readline from "node:readline";
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const record = JSON.parse(line);
  const output = features(record);
  if (output !== undefined) process.stdout.write((typeof output === "string" ? output : JSON.stringify(output)) + "\\n");
});
function features(record) {
${body}
}
`;
}

/**
 * The arguments of `twinrun run` on the workspace's usual pair: `node old.mjs` against
 * `node new.mjs` in the given mode over inputs.jsonl, followed by the test's own flags.
 */
export function pairRunArgs(mode: string, ...extra: string[]): string[] {
  return [
    "run",
    "--old",
    "node old.mjs",
    "--new",
    "node new.mjs",
    "--mode",
    mode,
    "-i",
    "inputs.jsonl",
    ...extra,
  ];
}
