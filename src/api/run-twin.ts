// runTwin(options): the whole run from code — the same resolver, the same run, the same report
// object the CLI renders. It writes nothing unless `report.json` names a file.

import type { Report } from "../report/types.ts";
import { writeJsonReport } from "../reporters/json.ts";
import { runComponents } from "../run/run-components.ts";
import { resolveTwinOptions } from "./resolve-options.ts";
import type { TwinOptions } from "./types.ts";

/** Why: TypeScript users want the check inside their own code and test suites, not only on the command line. */
export async function runTwin(options: TwinOptions): Promise<Report> {
  const config = await resolveTwinOptions(options);
  const report = await runComponents(config, {
    ...(options.signal !== undefined && { signal: options.signal }),
    ...(options.onTrial !== undefined && { onTrial: options.onTrial }),
  });
  if (config.report.json !== undefined) await writeJsonReport(report, config.report.json);
  return report;
}
