// The command-line spelling of an HTTP component: the URL itself, e.g.
// `--old http://127.0.0.1:8080/score`. Method, headers and the rest come from the config file.

/** Why: `--old`/`--new` take a command, a `py:`/`js:` spec or a URL; this tells a URL apart. */
export function isHttpSpec(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}
