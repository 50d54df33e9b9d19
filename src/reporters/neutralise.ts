// Neutralisation: every string that came from a component, an input or a report is made inert
// once, before a reporter shows it, so only twinrun's own colours reach a terminal.

// C0 controls but tab and line feed, DEL, C1 controls, and the Unicode bidi controls and marks.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Why: `ESC[2J` must print as the text `\x1b[2J`, never clear the screen or plant a link. */
export function neutraliseText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * The report with every string (and every object key) neutralised; numbers, booleans and the
 * lossless number objects pass unchanged. Iterative, so a 100,000-deep value cannot overflow.
 */
export function neutraliseReport<T>(report: T): T {
  const root: { value: unknown } = { value: report };
  const stack: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number }[] = [
    { from: report, into: root as unknown as Record<string, unknown>, key: "value" },
  ];
  while (stack.length > 0) {
    const { from, into, key } = stack.pop()!;
    const set = (value: unknown) => {
      (into as Record<string | number, unknown>)[key] = value;
    };
    if (typeof from === "string") {
      set(neutraliseText(from));
    } else if (Array.isArray(from)) {
      const copy: unknown[] = new Array(from.length);
      set(copy);
      for (let index = 0; index < from.length; index++)
        stack.push({ from: from[index], into: copy, key: index });
    } else if (
      from !== null &&
      typeof from === "object" &&
      Object.getPrototypeOf(from) === Object.prototype
    ) {
      const copy: Record<string, unknown> = {};
      set(copy);
      for (const [name, value] of Object.entries(from)) {
        stack.push({ from: value, into: copy, key: neutraliseText(name) });
      }
    } else {
      set(from);
    }
  }
  return root.value as T;
}
