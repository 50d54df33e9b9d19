// The command adapter's public surface.
export { createCommandAdapter, toLaunchSpec } from "./command-adapter.ts";
export { INPUT_PLACEHOLDER, OUTPUT_PLACEHOLDER } from "./dataset-launch.ts";
export { runDatasetCommand } from "./dataset-run.ts";
export { describeCommand, describeDatasetCommand } from "./describe-command.ts";
export type {
  CommandAdapterOptions,
  CommandMode,
  DatasetCommandOptions,
} from "./types.ts";
