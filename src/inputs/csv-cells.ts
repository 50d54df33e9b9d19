// How a CSV row becomes the JSON text of a record. Cells are typed conservatively, so nothing
// a pipeline would read differently is silently changed:
//  - a cell that is a JSON number stays exactly as written (`12345678901234567890`, `1.50`, `1e-3`);
//  - `.5` / `-.5` / `5.` become `0.5` / `-0.5` / `5.0` (what Python and pandas read them as);
//  - leading zeros (`007`, zip codes), a leading `+` (phone numbers), spaces around digits,
//    `NaN`, `inf`, `true`/`false` stay strings (booleans are not inferred: `True`, `yes`, `1`
//    mean true in different tools, so the component decides);
//  - an empty cell is null (quoted `""` too; CSV cannot tell them apart reliably).
// With csvStrings every cell stays text, empty ones as "".

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BARE_POINT_NUMBER = /^(-?)(0|[1-9]\d*)?\.(\d*)([eE][+-]?\d+)?$/;

/** Why: a numeric cell's JSON text, or undefined when the cell must stay a string. */
export function toJsonNumberText(cell: string): string | undefined {
  if (JSON_NUMBER.test(cell)) return cell;
  const match = BARE_POINT_NUMBER.exec(cell);
  if (match === null) return undefined;
  const [, sign, integerPart = "", fractionPart, exponent = ""] = match;
  if (integerPart === "" && fractionPart === "") return undefined;
  return `${sign}${integerPart === "" ? "0" : integerPart}.${fractionPart === "" ? "0" : fractionPart}${exponent}`;
}

/** Why: one cell's JSON text under the typing rules above. */
export function toCsvCellJson(cell: string, csvStrings: boolean): string {
  if (csvStrings) return JSON.stringify(cell);
  if (cell === "") return "null";
  return toJsonNumberText(cell) ?? JSON.stringify(cell);
}

/** Why: records are built by hand in header order, so the text is deterministic and compact. */
export function createCsvRecordBuilder(
  header: readonly string[],
  csvStrings: boolean,
): (cells: string[]) => string {
  const keys = header.map((name) => JSON.stringify(name));
  return (cells) => {
    let text = "{";
    for (let i = 0; i < keys.length; i += 1) {
      if (i > 0) text += ",";
      text += keys[i] + ":" + toCsvCellJson(cells[i], csvStrings);
    }
    return text + "}";
  };
}
