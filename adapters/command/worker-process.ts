// One long-lived worker process: JSON lines in on stdin, one JSON line out per input on stdout.
// Strictly one input in flight, so an answer always belongs to the input just sent. A worker that
// prints while idle is out of step with the protocol and is marked unusable.

import { LineReader, toOneLine } from "../shared/line-reader.ts";
import { type ExitInfo, waitForEnd } from "./exit-info.ts";
import { type GroupProcess, killGroup, releaseGroup, spawnInGroup } from "./process-tree.ts";
import { StderrTail } from "./stderr-tail.ts";
import type { LaunchSpec } from "./types.ts";

/** What a worker did after an input was sent: answered with a line, or ended. */
export type WorkerReply =
  | { kind: "line"; line: string }
  | { kind: "exit"; exit: ExitInfo; partialLine: string };

/** A spawned worker process and its protocol state. */
export class WorkerProcess {
  readonly pid: number | undefined;
  /** stderr since the previous input finished (reset by the pool after each input). */
  readonly stderr = new StderrTail();
  /** Resolves when the process ended; never rejects. */
  readonly ended: Promise<ExitInfo>;
  private readonly subprocess: GroupProcess;
  private readonly reader: LineReader;
  private waiting: ((reply: WorkerReply) => void) | undefined;
  private exit: ExitInfo | undefined;
  private usable = true;
  private stray: string | undefined;
  private announceKill: () => void = () => {};

  constructor(launch: LaunchSpec) {
    this.subprocess = spawnInGroup(launch);
    this.pid = this.subprocess.pid;
    this.reader = new LineReader((line) => this.receiveLine(line));
    this.subprocess.stdout.setEncoding("utf8");
    this.subprocess.stdout.on("data", (chunk: string) => this.reader.push(chunk));
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
      this.settle({ kind: "exit", exit, partialLine: this.reader.partial() });
      return exit;
    });
  }

  /** True while the worker runs and has kept to the protocol: it may take the next input. */
  isUsable(): boolean {
    return this.usable && this.exit === undefined;
  }

  /** The first line the worker printed while no input was in flight, if any (it was killed for it). */
  strayLine(): string | undefined {
    return this.stray;
  }

  /** How the worker ended, once it has. */
  exitInfo(): ExitInfo | undefined {
    return this.exit;
  }

  /** Sends one input line; resolves with the worker's answer line or its exit. */
  send(text: string): Promise<WorkerReply> {
    if (this.waiting !== undefined) throw new Error("twinrun bug: a worker got a second input in flight");
    return new Promise<WorkerReply>((resolve) => {
      if (this.exit !== undefined) {
        resolve({ kind: "exit", exit: this.exit, partialLine: this.reader.partial() });
        return;
      }
      this.waiting = resolve;
      this.subprocess.stdin.write(`${toOneLine(text)}\n`);
    });
  }

  /** Marks the worker unusable and kills its process group. */
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

  private receiveLine(line: string): void {
    if (this.waiting === undefined) {
      // Output nobody asked for: the next answer could belong to the wrong input.
      this.stray ??= line;
      this.kill();
      return;
    }
    this.settle({ kind: "line", line });
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(reply);
  }
}
