// The shared process layer's contracts: how a component's process is launched.

/** How the command is launched: the file and arguments handed to execa (or the shell line). */
export interface LaunchSpec {
  /** Executable (non-shell) or the whole command line (shell). */
  file: string;
  args: string[];
  shell: boolean;
  cwd: string;
  env: Record<string, string>;
  /** twinrun's limit on one output (stdout of one input, one worker line); see shared/output-limit.ts. */
  outputLimitChars?: number;
}
