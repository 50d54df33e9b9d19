// `npm run bench`: every benchmark in turn, each in its own process so peaks do not mix.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const benchmarks: Array<[string, string[]]> = [
  ["sample.ts", []],
  ["sample-power.ts", []],
  ["run-throughput.ts", []],
  ["python-throughput.ts", []],
  ["compare.ts", ["--records", "100000"]],
  ["table-diff.ts", []],
  ["postgres-diff.ts", []],
];

let failed = false;
for (const [file, args] of benchmarks) {
  console.log(`\n== ${file} ${args.join(" ")}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(here, file), ...args], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
