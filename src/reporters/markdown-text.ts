// Markdown quoting shared by the Markdown renderers: code spans, fences, escaped cells and text.

/** A fenced block whose fence is longer than any backtick run inside. */
export function fence(text: string, language = "text"): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}

/** An inline code span that survives backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${marks}${pad}${text}${pad}${marks}`;
}

/** A table cell on one line whose pipes cannot split it. */
export function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** Text whose Markdown and HTML characters print as themselves. */
export function escapeText(text: string): string {
  return text.replace(/([\\*_[\]<>#])/g, "\\$1");
}

/** Text inside an HTML element (a `<summary>`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
