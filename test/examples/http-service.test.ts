// examples/http-service: twinrun starts both servers itself and finds the one behaviour change.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

describe("examples/http-service on the command line", () => {
  it("starts old and new, and reports the new 422 for customers without an email (exit 1)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-example-"));
    try {
      const config = path.join(REPO_ROOT, "examples/http-service/twinrun.config.yaml");
      const result = await runCli(["run", "-c", config, "--json", "report.json", "--no-save"], { cwd: dir });
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain("new failed: http: HTTP 422 Unprocessable Entity");
      const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
      expect(report.summary).toMatchObject({ trials: 40, changed: 3, failures: { old: 0, new: 3, both: 0 } });
      expect(report.examples[0].new.failure).toEqual({
        kind: "http",
        message: "HTTP 422 Unprocessable Entity",
        status: 422,
        body: '{"error":"email is required"}',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
