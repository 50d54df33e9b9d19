// A short human description of an HTTP component, shown in reports; templates stay templates, so
// no secret from the environment is ever written.

/** Why: reports say what was called and how: `POST http://127.0.0.1:${TWINRUN_PORT}/score (started: node server.mjs)`. */
export function describeHttp(component: {
  method: string;
  url: string;
  start?: { command: string };
}): string {
  const started = component.start === undefined ? "" : ` (started: ${shorten(component.start.command)})`;
  return `${component.method} ${component.url}${started}`;
}

function shorten(command: string): string {
  const text = command.trim().replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
