// Terminal capabilities the CLI decides once: colours only on a TTY and never with NO_COLOR.

/** True when output to this stream should be coloured. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/**
 * The width the terminal report is laid out for: COLUMNS when set (a user's or a CI's choice),
 * else the TTY's own width; undefined (the reporters' default, 80) for a pipe or a file.
 */
export function terminalWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): number | undefined {
  const fromEnv = Number.parseInt(env.COLUMNS ?? "", 10);
  if (Number.isSafeInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stream.isTTY === true && typeof stream.columns === "number" && stream.columns > 0)
    return stream.columns;
  return undefined;
}
