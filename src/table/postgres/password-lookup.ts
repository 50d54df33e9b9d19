// Where the password of a Postgres connection comes from when the URL has none, in libpq's order:
// PGPASSWORD, then the password file (PGPASSFILE, else ~/.pgpass) through the `pgpass` module.
import { createRequire } from "node:module";

/** The connection a password file entry must match. */
export interface PasswordTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

type PgpassLookup = (target: PasswordTarget, done: (password: string | undefined) => void) => void;

const lookupPgpass = createRequire(import.meta.url)("pgpass") as PgpassLookup;

/** Why: the client asks only when the server wants a password; undefined lets it say none was given. */
export async function findPassword(target: PasswordTarget): Promise<string | undefined> {
  const fromEnv = process.env.PGPASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  return new Promise((resolve) => lookupPgpass(target, resolve));
}
