// `--write-calibration <file>`: the rules that would replace the calibration, added to a config
// file (new or existing) under compare.rules, each with a comment giving the figure behind it, for
// a reviewer to keep, edit or drop. Rules for paths the file already has a rule for are left out.
import { readFile } from "node:fs/promises";
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { TwinrunError } from "../errors.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import type { CalibrationReport, NoisyPath } from "./types.ts";

/** What was written: the rules added, and those left out because the file had a rule for the path. */
export interface WrittenCalibration {
  added: string[];
  kept: string[];
}

/** Why: a reviewed config change replaces a calibration that runs (and costs) on every run. */
export async function writeCalibrationRules(
  file: string,
  calibration: CalibrationReport,
  unit: "inputs" | "rows" = "inputs",
): Promise<WrittenCalibration> {
  const existing = await readExisting(file);
  const document = existing ?? new Document({});
  if (!isMap(document.contents)) {
    throw new TwinrunError(
      "USAGE",
      `${file}: expected a twinrun config (a YAML mapping) to add the calibration rules to`,
    );
  }
  const root = document.contents as YAMLMap;
  if (!root.has("compare")) root.set("compare", document.createNode({}));
  const compare = root.get("compare", true);
  if (!isMap(compare)) throw new TwinrunError("USAGE", `${file}: compare: expected a mapping`);
  if (!compare.has("rules")) compare.set("rules", document.createNode([]));
  const rules = compare.get("rules", true);
  if (!isSeq(rules)) throw new TwinrunError("USAGE", `${file}: compare.rules: expected a list of rules`);
  const present = new Set(
    (rules as YAMLSeq).items.map((item) => (isMap(item) ? String(item.get("path")) : "")),
  );
  const written: WrittenCalibration = { added: [], kept: [] };
  for (const noisy of calibration.paths) {
    if (noisy.rule === undefined) continue;
    if (present.has(noisy.rule.path)) {
      written.kept.push(noisy.rule.path);
      continue;
    }
    const node = document.createNode({ ...noisy.rule });
    node.flow = true;
    node.commentBefore = ` ${describeFigure(noisy, calibration.trials, unit)}`;
    (rules as YAMLSeq).add(node);
    written.added.push(noisy.rule.path);
  }
  if (existing === undefined) {
    document.commentBefore =
      " Rules from `twinrun run --calibrate`: old differed from itself on these paths. Review each one,\n" +
      " then copy it into twinrun.config.yaml (or keep this file and run with -c).";
  }
  await writeFileAtomic(file, document.toString({ lineWidth: 0 }));
  return written;
}

/** `score: old vs old differed on 50 of 50 inputs, by up to 1.2e-7 relative` */
function describeFigure(noisy: NoisyPath, trials: number, unit: "inputs" | "rows"): string {
  const magnitude =
    noisy.maxRel !== undefined
      ? `, by up to ${Number(noisy.maxRel).toPrecision(2)} relative`
      : noisy.maxAbs !== undefined
        ? `, by up to ${Number(noisy.maxAbs).toPrecision(2)}`
        : "";
  const kinds = Object.keys(noisy.kinds).join(", ");
  const calibrated = unit === "rows" ? `${trials} records` : `${trials}`;
  return `${noisy.path}: old vs old differed on ${noisy.differed} of ${noisy.compared} ${unit} (${kinds})${magnitude}; calibrated on ${calibrated}`;
}

async function readExisting(file: string): Promise<Document | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new TwinrunError(
      "USAGE",
      `${file}: cannot read it to add the calibration rules (${(error as Error).message})`,
    );
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new TwinrunError(
      "USAGE",
      `${file}: not valid YAML (${document.errors[0].message}); fix it or write the calibration to a new file`,
    );
  }
  return document.contents === null ? new Document({}) : document;
}
