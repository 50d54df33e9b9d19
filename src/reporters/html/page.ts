// The page around the report's sections: one self-contained file, CSS inline, and a policy that
// lets the browser run no script and fetch nothing, whatever the data holds.
import { html, type Markup } from "./markup.ts";
import { PAGE_STYLE } from "./page-style.ts";

/**
 * No script at all, no network; inline styles (the page's own CSS and the charts' attributes) and
 * data: images only. `form-action` and `base-uri` are not covered by default-src, so set them too.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Why: every HTML report has the same head; the sections are the body. */
export function renderPage(options: { title: string; body: Markup }): Markup {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}
