// The command adapter's public surface.
export { createCommandAdapter, toLaunchSpec } from "./command-adapter.ts";
export { describeCommand } from "./describe-command.ts";
export { countLiveGroups, killAllChildren } from "./process-tree.ts";
export type { CommandAdapterOptions, CommandMode } from "./types.ts";
