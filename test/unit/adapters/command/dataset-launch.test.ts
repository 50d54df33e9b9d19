// Dataset mode's command line: where {input} and {output} go, with and without a shell.
import { describe, expect, it } from "vitest";
import { substituteInShellLine, toDatasetLaunch } from "../../../../adapters/command/dataset-launch.ts";
import { TwinrunError } from "../../../../src/errors.ts";

const PATHS = { "{input}": "/tmp/a b/in.csv", "{output}": "/tmp/it's/out.csv" };

function launch(command: string, shell = false) {
  return toDatasetLaunch({
    side: "new",
    command,
    cwd: "/work",
    env: {},
    shell,
    inputPath: PATHS["{input}"],
    outputPath: PATHS["{output}"],
  });
}

describe("toDatasetLaunch without a shell", () => {
  it.each([
    [
      "python3 build.py --in {input} --out {output}",
      ["build.py", "--in", PATHS["{input}"], "--out", PATHS["{output}"]],
    ],
    ["python3 build.py --in={input}", ["build.py", `--in=${PATHS["{input}"]}`]],
    ["python3 build.py '{input}' \"x {output}\"", ["build.py", PATHS["{input}"], `x ${PATHS["{output}"]}`]],
    ["python3 build.py {input},{input}", ["build.py", `${PATHS["{input}"]},${PATHS["{input}"]}`]],
  ])("puts the paths of %j inside their own arguments", (command, args) => {
    expect(launch(command).launch).toMatchObject({ file: "python3", args, shell: false, cwd: "/work" });
  });

  it.each([
    ["python3 build.py --in {input} --out {output}", false, false],
    ["python3 build.py --in {input}", false, true],
    ["python3 build.py --out {output}", true, false],
    ["python3 build.py", true, true],
  ])("for %j streams stdin: %s, stdout: %s", (command, inputOnStdin, outputOnStdout) => {
    expect(launch(command)).toMatchObject({ inputOnStdin, outputOnStdout });
  });

  it("rejects shell syntax without a shell, naming the side", () => {
    expect(() => launch("python3 build.py {input} > {output}")).toThrow(TwinrunError);
    expect(() => launch("python3 build.py {input} > {output}")).toThrow(/^new\.command: .*set shell: true/);
  });
});

describe("substituteInShellLine", () => {
  it.each([
    ["cat {input} > {output}", `cat '/tmp/a b/in.csv' > '/tmp/it'\\''s/out.csv'`],
    ["cat '{input}' > '{output}'", `cat '/tmp/a b/in.csv' > '/tmp/it'\\''s/out.csv'`],
    ['cat "{input}" > "{output}"', `cat "/tmp/a b/in.csv" > "/tmp/it's/out.csv"`],
    ["echo \\'{input}", `echo \\''/tmp/a b/in.csv'`],
    ["awk '{print}' {input}", `awk '{print}' '/tmp/a b/in.csv'`],
  ])("quotes each path for where it stands in %j", (line, expected) => {
    expect(substituteInShellLine(line, PATHS)).toBe(expected);
  });

  it("escapes what double quotes would expand", () => {
    expect(substituteInShellLine('cat "{input}"', { "{input}": '/t/$HOME `x` "q" \\' })).toBe(
      'cat "/t/\\$HOME \\`x\\` \\"q\\" \\\\"',
    );
  });

  it("passes the whole line to the shell in shell mode", () => {
    expect(launch("sort {input} > {output}", true)).toEqual({
      launch: {
        file: `sort '/tmp/a b/in.csv' > '/tmp/it'\\''s/out.csv'`,
        args: [],
        shell: true,
        cwd: "/work",
        env: {},
      },
      inputOnStdin: false,
      outputOnStdout: false,
    });
  });
});
