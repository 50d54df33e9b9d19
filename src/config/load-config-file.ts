// Finds the config file (-c, else twinrun.config.yaml|yml|json in the working folder), reads
// it and validates it against the user config schema.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { TwinrunError } from "../errors.ts";
import { formatIssues } from "./format-issues.ts";
import { detectConfigSyntax, parseConfigText } from "./read-config-text.ts";
import { type UserConfig, userConfigSchema } from "./schema.ts";

/** The names looked for in the working folder, in this order. */
export const CONFIG_FILE_NAMES = [
  "twinrun.config.yaml",
  "twinrun.config.yml",
  "twinrun.config.json",
] as const;

export interface ConfigFileRef {
  /** Absolute path. */
  file: string;
  /** The name as the user gave it (-c) or as found in the working folder; used in messages. */
  displayName: string;
}

export interface LoadedConfigFile extends ConfigFileRef {
  config: UserConfig;
}

/** Why: `-c` must exist (CONFIG_NOT_FOUND otherwise); without it the first conventional name wins. */
export async function findConfigFile(cwd: string, explicit?: string): Promise<ConfigFileRef | undefined> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!(await isFile(file))) {
      throw new TwinrunError(
        "CONFIG_NOT_FOUND",
        `config file not found: ${explicit} (looked for ${file}); check the -c path, or create one with "twinrun init"`,
      );
    }
    return { file, displayName: explicit };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    if (await isFile(file)) return { file, displayName: name };
  }
  return undefined;
}

/** Why: reading, parsing and validating a config file is one step with one kind of error. */
export async function loadConfigFile(ref: ConfigFileRef): Promise<LoadedConfigFile> {
  let text: string;
  try {
    text = await readFile(ref.file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError("CONFIG_NOT_FOUND", `${ref.displayName}: cannot read the config file (${reason})`);
  }
  const raw = parseConfigText(text, detectConfigSyntax(ref.file), ref.displayName);
  return { ...ref, config: validateUserConfig(raw, ref.displayName) };
}

/** Why: config files and replayed settings are checked by the same schema, with the same messages. */
export function validateUserConfig(
  raw: unknown,
  displayName: string,
  code: "CONFIG_INVALID" | "REPORT_INVALID" = "CONFIG_INVALID",
): UserConfig {
  const result = userConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = formatIssues(result.error.issues, userConfigSchema, raw).map(
    (line) => `${displayName}: ${line}`,
  );
  throw new TwinrunError(code, lines.join("\n"));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
