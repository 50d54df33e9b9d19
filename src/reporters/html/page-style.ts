// The HTML report's style sheet: system fonts only (no external font), light and print friendly.
import { trustedCss } from "./markup.ts";

/** Why: the page carries its CSS inline, so it opens from disk with no network. */
export const PAGE_STYLE = trustedCss(`
:root { --old: #4c78a8; --new: #f58518; --changed: #c62828; --same: #2e7d32; --warn: #b26a00;
  --muted: #5f6368; --line: #e3e5e8; --soft: #f6f7f9; --mark-old: #ffd7d5; --mark-new: #ccf0d4; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #fff; max-width: 1280px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 16px 0 6px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.muted { color: var(--muted); }
.verdict { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: baseline; padding: 14px 18px;
  border-radius: 8px; border: 1px solid var(--line); background: var(--soft); margin: 12px 0 8px; }
.verdict .word { font-size: 22px; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; }
.verdict.changed .word, .verdict.error .word { color: var(--changed); }
.verdict.equivalent .word { color: var(--same); }
.verdict.inconclusive .word { color: var(--warn); }
.verdict.changed { border-color: #f2b8b5; background: #fdf3f2; }
.verdict.equivalent { border-color: #b7dfb9; background: #f2faf2; }
.verdict.inconclusive { border-color: #f0d29a; background: #fff8ec; }
.gate.passed { color: var(--same); font-weight: 600; }
.gate.failed, .gate.error, .gate.incomplete { color: var(--changed); font-weight: 600; }
.notes { margin: 8px 0; padding: 0 0 0 18px; color: var(--warn); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 10px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; }
.count b { display: block; font-size: 18px; }
.count span { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; max-width: 420px; }
.bar { position: relative; width: 160px; height: 14px; background: var(--soft); border-radius: 3px; overflow: hidden; }
.bar span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--changed); opacity: .75; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: flex-start; }
figure { margin: 4px 0 12px; }
figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 2px; }
figure svg { display: block; max-width: 100%; height: auto; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 8px; vertical-align: baseline; }
.swatch.old { background: var(--old); } .swatch.new { background: var(--new); }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; background: #fff; }
details > summary { cursor: pointer; padding: 8px 12px; background: var(--soft); border-radius: 6px; list-style-position: inside; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
details > .body { padding: 8px 12px 12px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.sides > div { min-width: 0; }
.sides h4 { margin: 4px 0; font-size: 12.5px; color: var(--muted); }
pre { margin: 0; padding: 8px 10px; background: var(--soft); border-radius: 4px; overflow: auto; max-height: 480px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
pre.stderr { background: #1f2328; color: #e6edf3; }
mark.old { background: var(--mark-old); color: inherit; border-radius: 2px; }
mark.new { background: var(--mark-new); color: inherit; border-radius: 2px; }
.kind { display: inline-block; padding: 0 6px; border-radius: 10px; background: #eef1f4; font-size: 12px; margin-right: 4px; }
.value-old { color: #a40e26; } .value-new { color: #116329; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@media print { details { break-inside: avoid; } body { padding: 0; } }
`);
