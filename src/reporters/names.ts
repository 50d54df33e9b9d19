// The reporters' names, defined once; the registry, the flags and the config schema read them.

/** Every reporter a user can ask for (`--reporter`, `report.reporters`). */
export const REPORTER_NAMES = ["terminal", "json", "markdown", "junit", "github", "html"] as const;

/** The name of one reporter. */
export type ReporterName = (typeof REPORTER_NAMES)[number];
