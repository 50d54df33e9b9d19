// Markup that is safe by construction: every value interpolated into the `html` template is
// escaped unless it is already Markup (built by this module), so a string from a component or an
// input can only ever land as text.

const MARKUP = Symbol("markup");

/** A fragment of HTML that this module built; only `html`, `join` and `trustedSvg` make one. */
export interface Markup {
  readonly [MARKUP]: true;
  readonly text: string;
}

/** What may stand in an `html` template: text (escaped), numbers, Markup, lists of them, or nothing. */
export type Interpolation = Markup | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Why: text escaped for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char]);
}

function markup(text: string): Markup {
  return { [MARKUP]: true, text };
}

function isMarkup(value: unknown): value is Markup {
  return typeof value === "object" && value !== null && MARKUP in value;
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (isMarkup(value)) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Why: the one way pages are written; `${value}` is escaped unless value is Markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let text = strings[0];
  for (let index = 0; index < values.length; index++) text += render(values[index]) + strings[index + 1];
  return markup(text);
}

/** Fragments joined by a separator (itself escaped when text). */
export function join(parts: readonly Interpolation[], separator: Interpolation = ""): Markup {
  return markup(parts.map(render).join(render(separator)));
}

/**
 * Why: Vega writes its SVG with every text and attribute escaped; this admits it as markup after
 * checking it holds nothing active (a script, an event handler, a link), as a second line of defence.
 */
export function trustedSvg(svg: string): Markup {
  // Text is escaped, so every `<` opens a real tag; attribute values are stripped before the check.
  const tags = svg.match(/<[^>]*>/g) ?? [];
  const active = tags.some((tag) => {
    const bare = tag.replace(/"[^"]*"/g, '""');
    return (
      /^<\/?\s*(script|foreignObject|a|iframe|image|use)\b/i.test(bare) ||
      /\s(on[a-z]+|[a-z:]*href)\s*=/i.test(bare)
    );
  });
  if (!svg.startsWith("<svg") || active) {
    throw new Error("the chart renderer wrote SVG with active content; refusing to embed it");
  }
  return markup(svg);
}

/** Why: the page's own style sheet, a constant of this package; it must not close its element. */
export function trustedCss(css: string): Markup {
  if (css.includes("</")) throw new Error("a style sheet must not contain </");
  return markup(css);
}
