// The same check inside a test suite: `twin` runs both versions on the customers and the
// matcher fails with the changed-paths table and the first differing customer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { twin } from "twinrun/vitest";
import { describe, expect, it } from "vitest";
import { scoreCustomer as scoreNew } from "./score_new.ts";
import { scoreCustomer as scoreOld } from "./score_old.ts";
import type { Customer } from "./types.ts";

const customers: Customer[] = readFileSync(new URL("./customers.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

describe("the scoring refactor", () => {
  it("changes no score, float noise aside", async () => {
    await expect(twin({ old: scoreOld, new: scoreNew, inputs: customers })).toBeEquivalent();
  });

  it("changes no score when the module files run in worker threads, as the CLI runs them", async () => {
    const spec = (file: string) => `js:${fileURLToPath(new URL(file, import.meta.url))}#scoreCustomer`;
    await expect(
      twin({
        old: spec("./score_old.ts"),
        new: spec("./score_new.ts"),
        inputs: customers,
        run: { concurrency: 1 },
      }),
    ).toBeEquivalent();
  });

  it("would catch a segment boundary moved by one year", async () => {
    const shifted = (customer: Customer) => ({
      ...scoreNew(customer),
      segment: customer.age <= 30 ? "young" : scoreNew(customer).segment,
    });
    await expect(twin({ old: scoreOld, new: shifted, inputs: customers })).not.toBeEquivalent();
  });
});
