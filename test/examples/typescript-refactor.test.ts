// examples/typescript-refactor, checked both ways a user would: its own vitest file (imported
// here, so the repo's test run includes it) and the CLI on its config.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";
import "../../examples/typescript-refactor/score.test.ts";

describe("examples/typescript-refactor on the command line", () => {
  it("finds the refactor equivalent on all 200 customers (exit 0)", async () => {
    const config = path.join(REPO_ROOT, "examples/typescript-refactor/twinrun.config.yaml");
    const result = await runCli(["run", "-c", config, "--no-save"], { cwd: REPO_ROOT });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("js:score_old.ts#scoreCustomer (worker thread)");
    expect(result.stdout).toMatch(/EQUIVALENT {2}no behavioural change in 200 inputs/);
  });
});
