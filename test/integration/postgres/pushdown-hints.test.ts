// Root-cause hints when the comparison runs inside the database: one table pair whose changes
// follow conditions on the old rows (an age set, an income threshold, a null city, a region),
// compared by pushdown and streamed (--no-pushdown), must give the same hints with the same figures.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

interface PathJson {
  path: string;
  changed: number;
  hints?: { text: string; covered: number; total: number; precision: number }[];
}

describeWithPostgres("hints inside the database", (server) => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({}));
    await server().query(
      "CREATE TABLE people_v1 AS SELECT g AS id, 18 + (g * 7) % 60 AS age, (g * 7919) % 200000 AS income, " +
        "CASE WHEN g % 23 = 0 THEN NULL ELSE 'city' || (g % 9) END AS city, " +
        "(ARRAY['north', 'south', 'east', 'west'])[1 + g % 4] AS region, " +
        "jsonb_build_object('tier', g % 3) AS extra, (g % 100) * 0.25 AS score FROM generate_series(1, 800) AS g",
    );
    await server().query(
      "CREATE TABLE people_v2 AS SELECT id, age, income, city, region, extra, " +
        "CASE WHEN age IN (25, 40, 65) THEN score + 1 ELSE score END AS score, " +
        "CASE WHEN income > 100000 THEN income * 0.3 ELSE income * 0.2 END AS tax, " +
        "CASE WHEN city IS NULL THEN 'none' ELSE coalesce(city, '') END AS city_code FROM people_v1",
    );
    await server().query("ALTER TABLE people_v1 ADD COLUMN tax float8, ADD COLUMN city_code text");
    await server().query(
      "UPDATE people_v1 SET tax = income * 0.2, city_code = CASE WHEN city IS NULL THEN 'unknown' ELSE city END",
    );
    await server().query(
      "UPDATE people_v2 SET extra = jsonb_build_object('tier', 9) WHERE region = 'east' AND id % 2 = 0",
    );
  });
  afterAll(() => cleanup());

  it("finds the same hints by pushdown as streamed", async () => {
    const args = (report: string, ...extra: string[]) => [
      "diff",
      `${server().url}?table=people_v1`,
      `${server().url}?table=people_v2`,
      ...["--key", "id", "--no-save", "--json", report, ...extra],
    ];
    const pushed = await runCli(args("pushed.json"), { cwd: dir });
    const streamed = await runCli(args("streamed.json", "--no-pushdown"), { cwd: dir });
    expect(pushed.exitCode).toBe(1);
    expect(streamed.exitCode).toBe(1);
    const pushedReport = readReport("pushed.json");
    expect(pushedReport.table.engine.kind).toBe("pushdown");
    expect(readReport("streamed.json").table.engine.kind).toBe("embedded");
    const pushedPaths = pathsOf("pushed.json");
    expect(pushedPaths).toEqual(pathsOf("streamed.json"));
    const texts = (name: string) => (pushedPaths.get(name)?.hints ?? []).map((hint) => hint.text);
    expect(texts("score")).toContain("age ∈ {25, 40, 65}");
    expect(texts("tax")).toContain("income > 100000");
    expect(texts("city_code")).toContain("city is null");
    expect(texts("extra.tier")).toContain('region = "east"');
    // The terminal shows them the same way.
    expect(pushed.stdout).toContain("age ∈ {25, 40, 65}");
  });

  function readReport(file: string) {
    return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }

  function pathsOf(file: string): Map<string, PathJson> {
    return new Map((readReport(file).paths as PathJson[]).map((stats) => [stats.path, stats]));
  }
});
