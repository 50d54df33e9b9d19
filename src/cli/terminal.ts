// Terminal capabilities the CLI decides once: colours only on a TTY and never with NO_COLOR.

/** True when output to this stream should be coloured. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
