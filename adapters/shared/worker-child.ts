// The process half every line-protocol worker shares (command worker mode, Python): a child in
// its own process group, stdout split into lines, a stderr tail, and one way to end it. The
// protocol on top (plain JSON lines, or id'd messages) stays with each adapter.
import { type ExitInfo, waitForEnd } from "../process/exit-info.ts";
import { type GroupProcess, killGroup, releaseGroup, spawnInGroup } from "../process/process-tree.ts";
import { StderrTail } from "../process/stderr-tail.ts";
import type { LaunchSpec } from "../process/types.ts";
import { ExactDecoder } from "./exact-decoder.ts";
import { LineReader } from "./line-reader.ts";
import { outputLimitChars } from "./output-limit.ts";

export interface WorkerChildEvents {
  /** One complete stdout line. */
  onLine: (line: string) => void;
  /** The process ended (called once, after exitInfo() is set); `partialLine` is unfinished stdout. */
  onEnd: (exit: ExitInfo, partialLine: string) => void;
  /** A stdout line passed twinrun's output limit (launch.outputLimitChars); it is not read further. */
  onOverflow?: (limitChars: number) => void;
}

/** A spawned worker process: lines out, text in, stderr kept, killed as a whole group. */
export class WorkerChild {
  readonly pid: number | undefined;
  /** stderr since the owner last reset it (after each input). */
  readonly stderr = new StderrTail();
  /** Resolves when the process ended; never rejects. */
  readonly ended: Promise<ExitInfo>;
  private readonly subprocess: GroupProcess;
  private readonly reader: LineReader;
  private exit: ExitInfo | undefined;
  private usable = true;
  private announceKill: () => void = () => {};

  constructor(launch: LaunchSpec, events: WorkerChildEvents) {
    this.subprocess = spawnInGroup(launch);
    this.pid = this.subprocess.pid;
    const limitChars = launch.outputLimitChars ?? outputLimitChars();
    this.reader = new LineReader(events.onLine, {
      maxLineChars: limitChars,
      onOverflow: () => events.onOverflow?.(limitChars),
    });
    const decoder = new ExactDecoder();
    this.subprocess.stdout.on("data", (chunk: Buffer) => this.reader.push(decoder.write(chunk)));
    this.subprocess.stdout.once("end", () => this.reader.push(decoder.end()));
    this.subprocess.stderr.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.subprocess.once("exit", () => {
      this.usable = false; // Known before the pipes close: no new input goes to a dead worker.
    });
    const killed = new Promise<void>((resolve) => {
      this.announceKill = resolve;
    });
    this.ended = waitForEnd(this.subprocess, killed).then((exit) => {
      this.exit = exit;
      this.usable = false;
      releaseGroup(this.pid);
      events.onEnd(exit, this.reader.partial());
      return exit;
    });
  }

  /** True while the process runs and its owner still trusts it with an input. */
  isUsable(): boolean {
    return this.usable && this.exit === undefined;
  }

  /** The owner no longer trusts the worker (it broke the protocol or failed to start). */
  markUnusable(): void {
    this.usable = false;
  }

  /** How the process ended, once it has. */
  exitInfo(): ExitInfo | undefined {
    return this.exit;
  }

  /** stdout received after the last newline. */
  partialLine(): string {
    return this.reader.partial();
  }

  /** Writes protocol text to stdin. */
  write(text: string): void {
    this.subprocess.stdin.write(text);
  }

  /** Marks the worker unusable and signals its whole process group. */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.usable = false;
    killGroup(this.pid, signal);
    if (signal === "SIGKILL") this.announceKill();
  }

  /** Closes stdin: a well-behaved worker exits on end of input. */
  closeInput(): void {
    this.usable = false;
    this.subprocess.stdin.end();
  }
}
