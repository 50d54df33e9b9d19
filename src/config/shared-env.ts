// The environment both sides share, so that nothing but the code differs between old and new.

/** Why: pinned time zone, hash seed and sampling seed make runs of either side repeatable. */
export function buildDefaultSharedEnv(seed: number): Record<string, string> {
  return { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: String(seed) };
}

/** Why: config `env` values may be YAML numbers or booleans; a child process needs text. */
export function stringifyEnv(
  env: Record<string, string | number | boolean> | undefined,
): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([key, value]) => [key, String(value)]));
}

/** Why: the user's `env` overrides the defaults for both sides. */
export function buildSharedEnv(seed: number, userEnv: Record<string, string | number | boolean> | undefined) {
  return { ...buildDefaultSharedEnv(seed), ...stringifyEnv(userEnv) };
}

/** Why: a report keeps only what the user set, so a replay with another seed still gets its own TWINRUN_SEED. */
export function extractUserEnv(sharedEnv: Record<string, string>, seed: number): Record<string, string> {
  const defaults = buildDefaultSharedEnv(seed);
  return Object.fromEntries(Object.entries(sharedEnv).filter(([key, value]) => defaults[key] !== value));
}
