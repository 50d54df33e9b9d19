// Errors that are twinrun's own (bad usage, bad config, bad input, a component that cannot
// start). A component's own failure is never an error: it is an Outcome of status "failure".

/** Exit codes, decided here and nowhere else. */
export const ExitCode = {
  equivalent: 0,
  changed: 1,
  usage: 2,
  componentStart: 3,
  /** 128 + SIGINT: the run was interrupted; its report is incomplete and never a pass. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type TwinrunErrorCode =
  | "CONFIG_INVALID"
  | "CONFIG_NOT_FOUND"
  | "USAGE"
  | "INPUT_INVALID"
  | "INPUT_NOT_FOUND"
  | "REPORT_INVALID"
  | "COMPONENT_START"
  | "DATABASE_UNREACHABLE";

/** A user-facing error: the message says what was expected, what came, where, and how to fix it. */
export class TwinrunError extends Error {
  readonly code: TwinrunErrorCode;
  readonly exitCode: ExitCode;

  constructor(code: TwinrunErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TwinrunError";
    this.code = code;
    // A component or a database that cannot be started or reached: exit 3; all else is usage.
    this.exitCode =
      code === "COMPONENT_START" || code === "DATABASE_UNREACHABLE"
        ? ExitCode.componentStart
        : ExitCode.usage;
  }
}

/** Usage, config or input problems: exit 2. */
export function usageError(message: string, code: TwinrunErrorCode = "USAGE"): TwinrunError {
  return new TwinrunError(code, message);
}

/** A component could not be started at all (command not found, import error): exit 3. */
export class ComponentStartError extends TwinrunError {
  readonly side: "old" | "new";

  constructor(side: "old" | "new", message: string, options?: { cause?: unknown }) {
    super("COMPONENT_START", message, options);
    this.name = "ComponentStartError";
    this.side = side;
  }
}
