// One long-lived worker process: JSON lines in on stdin, one JSON line out per input on stdout.
// Strictly one input in flight, so an answer always belongs to the input just sent. A worker that
// prints while idle is out of step with the protocol and is marked unusable.

import type { ExitInfo } from "../process/exit-info.ts";
import type { StderrTail } from "../process/stderr-tail.ts";
import type { LaunchSpec } from "../process/types.ts";
import { toOneLine } from "../shared/line-reader.ts";
import { WorkerChild } from "../shared/worker-child.ts";

/** What a worker did after an input was sent: answered with a line, or ended. */
export type WorkerReply =
  | { kind: "line"; line: string }
  | { kind: "exit"; exit: ExitInfo; partialLine: string }
  | { kind: "overflow"; limitChars: number };

/** A spawned worker process and its protocol state. */
export class WorkerProcess {
  readonly pid: number | undefined;
  /** stderr since the previous input finished (reset by the pool after each input). */
  readonly stderr: StderrTail;
  /** Resolves when the process ended; never rejects. */
  readonly ended: Promise<ExitInfo>;
  private readonly child: WorkerChild;
  private waiting: ((reply: WorkerReply) => void) | undefined;
  private stray: string | undefined;

  constructor(launch: LaunchSpec) {
    this.child = new WorkerChild(launch, {
      onLine: (line) => this.receiveLine(line),
      onEnd: (exit, partialLine) => this.settle({ kind: "exit", exit, partialLine }),
      onOverflow: (limitChars) => {
        this.kill(); // The rest of the line would be read as the next answers.
        this.settle({ kind: "overflow", limitChars });
      },
    });
    this.pid = this.child.pid;
    this.stderr = this.child.stderr;
    this.ended = this.child.ended;
  }

  /** True while the worker runs and has kept to the protocol: it may take the next input. */
  isUsable(): boolean {
    return this.child.isUsable();
  }

  /** The first line the worker printed while no input was in flight, if any (it was killed for it). */
  strayLine(): string | undefined {
    return this.stray;
  }

  /** How the worker ended, once it has. */
  exitInfo(): ExitInfo | undefined {
    return this.child.exitInfo();
  }

  /** Sends one input line; resolves with the worker's answer line or its exit. */
  send(text: string): Promise<WorkerReply> {
    if (this.waiting !== undefined) throw new Error("twinrun bug: a worker got a second input in flight");
    return new Promise<WorkerReply>((resolve) => {
      const exit = this.child.exitInfo();
      if (exit !== undefined) {
        resolve({ kind: "exit", exit, partialLine: this.child.partialLine() });
        return;
      }
      this.waiting = resolve;
      this.child.write(`${toOneLine(text)}\n`);
    });
  }

  /** Marks the worker unusable and kills its process group. */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.child.kill(signal);
  }

  /** Closes stdin: a well-behaved worker exits on end of input. */
  closeInput(): void {
    this.child.closeInput();
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
