// What the database spent on a run, two ways: the CPU time of the server's processes (the
// postmaster's own plus what it collected from finished backends and parallel workers, plus its
// live children's, from /proc), and the statements' execution time as pg_stat_statements sums it.

import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { PostgresServer } from "../test/helpers/postgres-server.ts";

/** The server setting that makes pg_stat_statements available. */
export const STATEMENT_STATS_SETTING = "shared_preload_libraries=pg_stat_statements";

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** One statement's share of a run. */
export interface StatementCost {
  query: string;
  calls: number;
  seconds: number;
}

/** Why: the server's side of a run, read before and after it. */
export class ServerCost {
  private constructor(
    private readonly server: PostgresServer,
    private readonly postmasterPid: number,
    private readonly role: string,
  ) {}

  /** Finds the postmaster (the parent of a backend) and enables pg_stat_statements in the test database. */
  static async attach(server: PostgresServer): Promise<ServerCost> {
    const [{ pid }] = (await server.admin("SELECT pg_backend_pid() AS pid")).rows as { pid: number }[];
    const parent = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    if (parent === undefined) throw new Error(`no parent process for backend ${pid}`);
    await server.admin("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    return new ServerCost(server, Number(parent), server.user);
  }

  /** CPU seconds the server's processes have used so far, the finished ones included. */
  cpuSeconds(): number {
    let ticks = statTicks(this.postmasterPid, true);
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry) || Number(entry) === this.postmasterPid) continue;
      const fields = statFields(Number(entry));
      if (fields !== undefined && Number(fields[1]) === this.postmasterPid)
        ticks += statTicks(Number(entry), true);
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** Forgets the statements seen so far. */
  async resetStatements(): Promise<void> {
    await this.server.admin("SELECT pg_stat_statements_reset()");
  }

  /** The role's statements since the reset: their summed execution time and the costliest few. */
  async statements(top: number): Promise<{ seconds: number; top: StatementCost[] }> {
    const { rows } = await this.server.admin(
      "SELECT query, calls::int8::text AS calls, (total_exec_time / 1000)::float8 AS seconds FROM pg_stat_statements " +
        "WHERE userid = $1::regrole ORDER BY total_exec_time DESC",
      [this.role],
    );
    const all = (rows as { query: string; calls: string; seconds: number }[]).map((row) => ({
      query: row.query.replace(/\s+/g, " "),
      calls: Number(row.calls),
      seconds: row.seconds,
    }));
    return { seconds: all.reduce((sum, row) => sum + row.seconds, 0), top: all.slice(0, top) };
  }
}

/** A process's stat fields after its name: [state, ppid, …]; undefined once it has gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** utime + stime, and with `children` the reaped children's cutime + cstime, in clock ticks. */
function statTicks(pid: number, children: boolean): number {
  const fields = statFields(pid);
  if (fields === undefined) return 0;
  // Fields 14–17 of /proc/<pid>/stat; the slice starts at field 3.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return utime + stime + (children ? cutime + cstime : 0);
}
