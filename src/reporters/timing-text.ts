// Durations of a run in words, the same in the terminal and the Markdown.
import type { TimingStats } from "../report/types.ts";
import { formatDurationMs } from "./format.ts";
import type { TimingView } from "./view-model.ts";

/** Per-trial (or per-batch) percentiles, one duration per side (dataset mode), or the wall clock alone (a diff). */
export function describeTiming(timing: TimingView): string {
  const wall = `wall ${formatDurationMs(timing.wallMs)}`;
  if (timing.kind === "wall") return wall;
  if (timing.kind === "once")
    return `old ${formatDurationMs(timing.oldMs)} · new ${formatDurationMs(timing.newMs)} · ${wall}`;
  const side = (name: string, stats: TimingStats) =>
    `${name} p50 ${formatDurationMs(stats.p50)} / p95 ${formatDurationMs(stats.p95)}`;
  const per = timing.per === "batch" ? " per batch" : "";
  return `${side("old", timing.old)} · ${side("new", timing.new)}${per} · ${wall}`;
}
