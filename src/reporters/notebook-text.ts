// A notebook component in words: which of its cells twinrun took to build the function's module,
// which it left out, and why — so a change (or a NameError) can be traced to the cells that ran.
import path from "node:path";
import type { NotebookCellsReport } from "../../adapters/notebook/types.ts";
import type { Paint } from "./style.ts";

// Cell text comes from the user's notebook: no escape sequence of it may reach the terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The cells of one notebook: taken or left out, each with its reason. */
export function renderNotebookCells(side: string, notebook: NotebookCellsReport, paint: Paint): string {
  const taken = notebook.cells.filter((cell) => cell.taken).length;
  const title =
    `${paint("bold", `Notebook cells (${side})`)}: ${clean(path.basename(notebook.path))}, ` +
    `${notebook.function} from cell ${notebook.definedIn}; ${taken} of ${notebook.cells.length} code cells taken`;
  const lines = [title];
  for (const cell of notebook.cells) {
    const state = cell.taken ? paint("green", "taken   ") : paint("dim", "left out");
    lines.push(`  ${state} cell ${String(cell.cell).padEnd(3)} ${clean(cell.why)}`);
  }
  if (notebook.unresolved.length > 0) {
    lines.push(
      paint(
        "yellow",
        `  ${notebook.function} reads ${notebook.unresolved.join(", ")}, which no taken cell defines: ` +
          "calls that reach them raise NameError (tag the defining cell twinrun to take it)",
      ),
    );
  }
  return lines.join("\n");
}

function clean(text: string): string {
  return text.replace(CONTROL, "?");
}
