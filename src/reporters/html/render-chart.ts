// Draws a Vega-Lite chart to SVG at write time, in Node: the page needs no script to show it.
// Vega is loaded on first use, so commands that write no HTML report never pay for it.
import type { TopLevelSpec } from "vega-lite";
import { type Markup, trustedSvg } from "./markup.ts";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

let libraries: Promise<[Vega, VegaLite]> | undefined;

function loadLibraries(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]);
  return libraries;
}

// Chart warnings (a log scale's empty domain, say) are not the user's concern: the chart still draws.
const quiet = {
  level: () => quiet,
  error: () => quiet,
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet,
};

/** Why: one place turns a chart description into inline SVG; charts carry their data inline. */
export async function renderChart(spec: TopLevelSpec): Promise<Markup> {
  const [vega, vegaLite] = await loadLibraries();
  const compiled = vegaLite.compile(spec, { logger: quiet as never }).spec;
  const loader = vega.loader();
  // A chart's data is inline: a spec that asked for a file or a URL is a bug, never a fetch.
  const refuse = () => Promise.reject(new Error("charts load no data from files or the network"));
  loader.load = refuse;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader, logger: quiet as never });
  try {
    return trustedSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}
