import { describe, expect, it } from "vitest";
import { escapeHtml, html, join, trustedCss, trustedSvg } from "../../../../src/reporters/html/markup.ts";

describe("html markup", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['" onmouseover="x', "&quot; onmouseover=&quot;x"],
    ["a & b ' `c`", "a &amp; b &#39; &#96;c&#96;"],
    ["plain text", "plain text"],
  ])("escapes %j for text and quoted attributes", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it("escapes every interpolated string but keeps markup it built itself", () => {
    const cell = html`<td>${"<b>"}</td>`;
    const row = html`<tr title="${'"x"'}">${cell}${[html`<td>${1}</td>`, "<i>"]}${undefined}${null}${false}</tr>`;
    expect(row.text).toBe('<tr title="&quot;x&quot;"><td>&lt;b&gt;</td><td>1</td>&lt;i&gt;</tr>');
    expect(join(["<a>", html`<br>`], "<").text).toBe("&lt;a&gt;&lt;<br>");
  });

  it("does not take an object that merely looks like markup for markup", () => {
    const forged = { text: "<script>alert(1)</script>" } as unknown as string;
    expect(html`${forged}`.text).toBe("[object Object]");
  });

  it.each([
    "<svg><script>alert(1)</script></svg>",
    '<svg><g onclick="alert(1)"></g></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><image xlink:href="https://example.invalid/x.png"/></svg>',
    "<svg><foreignObject><div></div></foreignObject></svg>",
    "<div>not svg</div>",
  ])("refuses SVG with active content: %s", (svg) => {
    expect(() => trustedSvg(svg)).toThrow(/active content/);
  });

  it("admits SVG whose escaped text and attribute values merely mention handlers", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><path aria-label="label: &lt;img onerror=alert(1)&gt;; x href=y"/><text>a onload=b &lt;script&gt;</text></svg>';
    expect(trustedSvg(svg).text).toBe(svg);
  });

  it("refuses a style sheet that would close its element", () => {
    expect(() => trustedCss("a { color: red } </style><script>")).toThrow();
  });
});
