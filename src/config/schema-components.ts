// The component sections of the user config (old/new): one schema per adapter, joined by the
// `adapter` key (a section without it is a command).
import { z } from "zod";
import { notebookComponentSchema } from "../../adapters/notebook/schema.ts";
import {
  envMap,
  flag,
  headerMap,
  httpUrl,
  integerAtLeast,
  oneOf,
  stringList,
  text,
} from "./schema-leaves.ts";

// Keys every component has, whatever adapter runs it.
function commonComponentKeys(side: "old" | "new") {
  return {
    cwd: text(
      "Working folder of the component, relative to this config file (default: its folder).",
    ).optional(),
    env: envMap(`Extra environment for the ${side} side only.`).optional(),
    label: text(`Display label (default "${side}"), e.g. main@3f2a.`).optional(),
    setup: text(
      `A shell command run once in the ${side} side's folder before it starts (e.g. npm ci, pip install -e .); with base, in the worktree.`,
    ).optional(),
  };
}

function commandComponentSchema(side: "old" | "new") {
  return z
    .strictObject(
      {
        adapter: oneOf(["command"], "How the component runs (default command).").optional(),
        command: text(`The ${side} component's command line, e.g. python3 features_${side}.py.`).optional(),
        mode: oneOf(
          ["per-input", "worker", "dataset"],
          "per-input: one process per input (default); worker: long-lived processes, one JSON line in and out; " +
            "dataset: one run on the whole sample file ({input}, else stdin) writing a table ({output}, else stdout); both sides alike.",
        ).optional(),
        shell: flag("Run the command through a shell (pipes, globs); default false.").optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { command: python3 features_${side}.py }` },
    )
    .describe(`The ${side} version of the component, run as a command.`);
}

function pythonComponentSchema(side: "old" | "new") {
  return z
    .strictObject(
      {
        adapter: z
          .literal("python", { error: '"python"' })
          .describe("Call a Python function in persistent workers."),
        module: text(`Module to import from cwd (or path), e.g. features_${side}.`),
        function: text("Function in the module, e.g. build_features."),
        style: oneOf(
          ["record", "dataframe"],
          "record: function(dict) per input (default); dataframe: function(DataFrame) per batch of rows.",
        ).optional(),
        python: text(
          "Interpreter, e.g. .venv/bin/python (relative to this config file) or python3.11 (default: $TWINRUN_PYTHON, else python3).",
        ).optional(),
        path: stringList("Extra sys.path entries after cwd, relative to this config file.").optional(),
        batchSize: integerAtLeast(
          1,
          "dataframe style: rows per call (default: the whole sample in one call).",
        ).optional(),
        key: stringList(
          "dataframe style: column(s) identifying a row; rows are matched by them instead of by position.",
        ).optional(),
        seedEachCall: flag(
          "Seed random and numpy.random from TWINRUN_SEED before every call (default false).",
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: python, module: features_${side}, function: build_features }` },
    )
    .describe(`The ${side} version of the component, a Python function.`);
}

function moduleComponentSchema(side: "old" | "new") {
  return z
    .strictObject(
      {
        adapter: z
          .literal("module", { error: '"module"' })
          .describe("Call a JavaScript or TypeScript function in worker threads."),
        file: text(
          `The module file (.js, .mjs, .cjs, .ts, .mts, .cts), relative to this config file, e.g. src/score_${side}.ts.`,
        ),
        export: text(
          'The exported function to call (default: the default export); dots reach into objects, e.g. "scorer.score".',
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: module, file: src/score_${side}.ts, export: score }` },
    )
    .describe(`The ${side} version of the component, a JavaScript or TypeScript function.`);
}

function httpComponentSchema(side: "old" | "new") {
  return z
    .strictObject(
      {
        adapter: z.literal("http", { error: '"http"' }).describe("Send each input to an HTTP endpoint."),
        url: httpUrl(
          `Endpoint URL; \${NAME} reads an environment variable (TWINRUN_PORT: the port twinrun picked for start), {{input.field}} a field of the input.`,
        ),
        method: oneOf(["POST", "PUT", "PATCH", "GET", "DELETE"], "HTTP method (default POST).").optional(),
        headers: headerMap(
          `Request headers; values may read environment variables as \${NAME} (e.g. Authorization: Bearer \${API_TOKEN}); reports never hold their values.`,
        ).optional(),
        bodyTemplate: text(
          "Request body with {{input}} (the input's JSON) and {{input.field}} placeholders, e.g. {\"instances\": [{{input}}]} (default: the input's JSON).",
        ).optional(),
        timeout: integerAtLeast(
          0,
          "Per-request timeout in ms for this side (default: run.timeout; 0 = none).",
        ).optional(),
        start: z
          .strictObject(
            {
              command: text(
                `Command that starts the service, run in cwd; \${TWINRUN_PORT} is a free port twinrun picked.`,
              ),
              healthUrl: httpUrl(
                `URL polled (GET) until it answers 2xx, e.g. http://127.0.0.1:\${TWINRUN_PORT}/health.`,
              ),
              timeout: integerAtLeast(
                1,
                "How long the service may take to become healthy, in ms (default 30000).",
              ).optional(),
              shell: flag("Run the command through a shell (default false).").optional(),
            },
            {
              error: `a mapping like { command: node server.mjs, healthUrl: http://127.0.0.1:\${TWINRUN_PORT}/health }`,
            },
          )
          .describe("A service twinrun starts before the first request and stops afterwards.")
          .optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: http, url: http://127.0.0.1:8080/score }` },
    )
    .describe(`The ${side} version of the component, an HTTP endpoint.`);
}

export function componentSchema(side: "old" | "new") {
  return z
    .discriminatedUnion(
      "adapter",
      [
        commandComponentSchema(side),
        pythonComponentSchema(side),
        moduleComponentSchema(side),
        httpComponentSchema(side),
        notebookComponentSchema(side, commonComponentKeys(side)),
      ],
      {
        error: (issue) =>
          issue.code === "invalid_union"
            ? 'a component adapter: "command" (the default), "python", "notebook", "module" or "http"'
            : `a mapping like { command: python3 features_${side}.py }`,
      },
    )
    .describe(`The ${side} version of the component.`);
}
