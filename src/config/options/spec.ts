// The shape of the option table: what one command-line flag is (its spelling, help, choices,
// config keys and docs), and the flag types derived from it, so a flag is described once.

/** One flag of one command, as commander spells it. */
export interface OptionSpec {
  /** Commander's syntax: the short and long names, and a `<value>` it takes (`[value]`: optional). */
  readonly flags: string;
  /** The line `--help` shows. */
  readonly help: string;
  /** The only values it accepts (commander checks them, and `--help` lists them). */
  readonly choices?: readonly string[];
  /** Given more than once, its values are collected into a list. */
  readonly repeatable?: true;
  /** The config keys it sets, for docs/cli.md; absent when only a flag can say it. */
  readonly config?: readonly string[];
  /** The meaning docs/cli.md shows, in Markdown, when it says more than the help line. */
  readonly doc?: string;
}

/** One command: its name, what it does, its positional arguments and its flags. */
export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly { readonly syntax: string; readonly help: string }[];
  readonly options: readonly OptionSpec[];
}

// `-c, --config <file>` → `config`; `--no-save` → `no-save`.
type LongName<Flags extends string> = Flags extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never;
type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Name;
// Commander's attribute name: `--old-label` → `oldLabel`, `--no-save` → `save`.
type AttributeName<Flags extends string> =
  LongName<Flags> extends `no-${infer Positive}` ? CamelCase<Positive> : CamelCase<LongName<Flags>>;
// A value as typed (string), a list of them (repeatable), a switch (`--no-x` gives false), or
// an optional value (`--calibrate [n]`: true alone, else the string).
type FlagValue<Option extends OptionSpec> = Option extends { repeatable: true }
  ? string[]
  : Option["flags"] extends `${string}<${string}`
    ? string
    : Option["flags"] extends `${string} [${string}`
      ? string | true
      : boolean;

/** Why: the options commander hands over for a list of OptionSpecs, every one optional. */
export type FlagsOf<Options extends readonly OptionSpec[]> = {
  [Option in Options[number] as AttributeName<Option["flags"]>]?: FlagValue<Option>;
};

/** Why: the long name as typed (`--old-label`), for docs and tests. */
export function longFlag(option: OptionSpec): string {
  const long = /--[a-z][a-z-]*/.exec(option.flags)?.[0];
  if (long === undefined)
    throw new Error(`twinrun bug: option ${JSON.stringify(option.flags)} has no long name`);
  return long;
}
