// The Vega-Lite descriptions of the report's charts: histograms on a log scale (errors, durations)
// and per-bin shares of two distributions. Pure data in, a spec out; render-chart.ts draws them.
import type { TopLevelSpec } from "vega-lite";
import type { LogBin } from "../../aggregate/log-bins.ts";

/** The sides' colours, the same in every chart and in the page's legend swatches. */
export const SERIES_COLORS: Readonly<Record<string, string>> = Object.freeze({
  old: "#4c78a8",
  new: "#f58518",
  abs: "#54a24b",
  rel: "#b279a2",
});

/** One named set of bins (a side, or an error measure). */
export interface BinSeries {
  name: keyof typeof SERIES_COLORS | string;
  bins: readonly LogBin[];
}

const CONFIG = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
  view: { stroke: null },
  axis: { labelColor: "#444", titleColor: "#444", gridColor: "#eee", domainColor: "#999", tickColor: "#999" },
  legend: { orient: "top", title: null, labelFontSize: 11 },
} as const;

const WIDTH = 300;
const HEIGHT = 130;

/** Why: error sizes and durations span decades, so bins are drawn on a log axis, sides overlaid. */
export function logHistogramSpec(options: { series: readonly BinSeries[]; axisTitle: string }): TopLevelSpec {
  const values = options.series.flatMap((series) =>
    series.bins.map((bin) => ({ series: series.name, lower: bin.lower, upper: bin.upper, count: bin.count })),
  );
  const names = options.series.map((series) => series.name);
  return {
    width: WIDTH,
    height: HEIGHT,
    config: CONFIG,
    data: { values },
    mark: {
      type: "rect",
      opacity: options.series.length > 1 ? 0.55 : 0.85,
      stroke: "white",
      strokeWidth: 0.5,
    },
    encoding: {
      x: {
        field: "lower",
        type: "quantitative",
        scale: { type: "log" },
        axis: { title: options.axisTitle, format: "~g", labelOverlap: "greedy", grid: false },
      },
      x2: { field: "upper" },
      y: { field: "count", type: "quantitative", axis: { title: "count", tickMinStep: 1, format: "~s" } },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: names, range: names.map(colorOf) },
        legend: options.series.length > 1 ? {} : null,
      },
    },
  };
}

/** One bin of two distributions: its label and each side's share of rows in it. */
export interface ShareBin {
  label: string;
  old: number;
  new: number;
}

/** Why: PSI compares the sides' shares per old-decile bin; drawing the same bins shows where rows moved. */
export function binSharesSpec(options: { bins: readonly ShareBin[]; axisTitle: string }): TopLevelSpec {
  const values = options.bins.flatMap((bin, order) => [
    { label: bin.label, order, series: "old", share: bin.old },
    { label: bin.label, order, series: "new", share: bin.new },
  ]);
  return {
    width: WIDTH,
    height: HEIGHT,
    config: CONFIG,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        sort: { field: "order" },
        axis: { title: options.axisTitle, labelAngle: -40, labelLimit: 110 },
      },
      xOffset: { field: "series", sort: ["old", "new"] },
      y: { field: "share", type: "quantitative", axis: { title: "share of rows", format: "~%" } },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: ["old", "new"], range: [colorOf("old"), colorOf("new")] },
      },
    },
  };
}

/** Why: a categorical column's top values side by side, as each side's share of its rows. */
export function categorySharesSpec(options: {
  values: readonly { value: string; old: number; new: number }[];
}): TopLevelSpec {
  const values = options.values.flatMap((entry, order) => [
    { value: entry.value, order, series: "old", share: entry.old },
    { value: entry.value, order, series: "new", share: entry.new },
  ]);
  return {
    width: WIDTH,
    config: CONFIG,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "value",
        type: "nominal",
        sort: { field: "order" },
        axis: { title: null, labelLimit: 140 },
      },
      yOffset: { field: "series", sort: ["old", "new"] },
      x: { field: "share", type: "quantitative", axis: { title: "share of rows", format: "~%" } },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: ["old", "new"], range: [colorOf("old"), colorOf("new")] },
      },
    },
  };
}

function colorOf(name: string): string {
  return SERIES_COLORS[name] ?? "#888";
}
