// Quoting for the commands twinrun prints for users to paste (repro lines).

/** Why: a printed command must paste back into a shell unchanged, spaces and quotes included. */
export function shellQuote(value: string): string {
  return /^[\w./@:=+-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
