// HTTP component templates: environment references, input placeholders, header redaction.
import { describe, expect, it } from "vitest";
import {
  expandEnv,
  REDACTED,
  redactHeaderValue,
  renderInputTemplate,
  UnsendableValueError,
} from "../../../../adapters/http/templates.ts";
import { TwinrunError } from "../../../../src/errors.ts";

const INPUT = '{"id": 12345678901234567890, "name": "a b/c", "score": 1.0, "nested": {"k": [1, 2]}}';

describe("renderInputTemplate", () => {
  it.each([
    { template: "{{input}}", style: "json", expected: INPUT },
    { template: '{"instances": [{{input}}]}', style: "json", expected: `{"instances": [${INPUT}]}` },
    {
      template: '{"id": {{input.id}}, "k": {{ input.nested.k }}}',
      style: "json",
      expected: '{"id": 12345678901234567890, "k": [1,2]}',
    },
    { template: '{"score": {{input.score}}}', style: "json", expected: '{"score": 1.0}' },
    { template: '{"missing": {{input.nope}}}', style: "json", expected: '{"missing": null}' },
    { template: '{"proto": {{input.constructor}}}', style: "json", expected: '{"proto": null}' },
    {
      template: "http://h/users/{{input.name}}?id={{input.id}}",
      style: "url",
      expected: "http://h/users/a%20b%2Fc?id=12345678901234567890",
    },
  ] as const)("renders $template as $expected", ({ template, style, expected }) => {
    expect(renderInputTemplate(template, INPUT, style)).toBe(expected);
  });

  it.each([
    { value: "../admin", path: "http://h/users/..%2Fadmin", query: "http://h/q?u=..%2Fadmin" },
    { value: "a?b#c", path: "http://h/users/a%3Fb%23c", query: "http://h/q?u=a%3Fb%23c" },
    { value: "x&admin=1", path: "http://h/users/x%26admin%3D1", query: "http://h/q?u=x%26admin%3D1" },
    { value: "..", path: undefined, query: "http://h/q?u=.." },
    { value: ".", path: undefined, query: "http://h/q?u=." },
  ])("keeps the value $value inside its URL part", ({ value, path, query }) => {
    const input = JSON.stringify({ u: value });
    const inPath = () => renderInputTemplate("http://h/users/{{input.u}}", input, "url");
    if (path === undefined) expect(inPath).toThrow(UnsendableValueError);
    else {
      expect(inPath()).toBe(path);
      expect(new URL(inPath()).pathname).toBe(new URL(path).pathname);
      expect(new URL(inPath()).pathname.startsWith("/users/")).toBe(true);
    }
    expect(renderInputTemplate("http://h/q?u={{input.u}}", input, "url")).toBe(query);
    expect(new URL(renderInputTemplate("http://h/q?u={{input.u}}", input, "url")).searchParams.get("u")).toBe(
      value,
    );
  });
});

describe("expandEnv", () => {
  it(`replaces each \${NAME} with the variable's value`, () => {
    expect(
      expandEnv(
        `Bearer \${TOKEN} for \${USER_1}`,
        { TOKEN: "t0k", USER_1: "ada" },
        "old.headers.Authorization",
      ),
    ).toBe("Bearer t0k for ada");
  });

  it("refuses a variable that is not set, naming where it was used", () => {
    const attempt = () => expandEnv(`Bearer \${TOKEN}`, {}, "new.headers.Authorization");
    expect(attempt).toThrow(TwinrunError);
    expect(attempt).toThrow(
      `new.headers.Authorization: references \${TOKEN}, but the environment variable TOKEN is not set`,
    );
  });
});

describe("redactHeaderValue", () => {
  it.each([
    { value: `Bearer \${API_TOKEN}`, shown: `Bearer \${API_TOKEN}` },
    { value: `\${API_KEY}`, shown: `\${API_KEY}` },
    { value: "Bearer abc123", shown: REDACTED },
    { value: "application/json", shown: REDACTED },
  ])("shows $value as $shown", ({ value, shown }) => {
    expect(redactHeaderValue(value)).toBe(shown);
  });
});
