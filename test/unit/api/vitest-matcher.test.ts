// twin() and toBeEquivalent(): the vitest matcher on in-memory functions, passing and failing.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { twin } from "../../../src/vitest.ts";
import { REPO_ROOT } from "../../helpers/cli.ts";

/** Vitest's own default test timeout: a user's suite runs the matcher under it. */
const VITEST_DEFAULT_TIMEOUT_MS = 5_000;
const REFACTOR = path.join(REPO_ROOT, "test/fixtures/modules/refactor");

interface Customer {
  id: number;
  income: number;
  purchases: number[];
}

const customers: Customer[] = Array.from({ length: 20 }, (_, id) => ({
  id,
  income: 1000 + id * 250.5,
  purchases: [id * 1.1, id * 2.2, 3.3],
}));

function scoreOld(customer: Customer) {
  let total = 0;
  for (const amount of customer.purchases) total += amount;
  return {
    id: customer.id,
    average: total / customer.purchases.length,
    band: customer.income > 3000 ? "high" : "low",
  };
}

// The same, with a reduce: float noise only.
function scoreRefactored(customer: Customer) {
  const total = customer.purchases.reduce((sum, amount) => sum + amount, 0);
  return {
    id: customer.id,
    average: (total * 1) / customer.purchases.length,
    band: customer.income > 3000 ? "high" : "low",
  };
}

// The band boundary moved: a behaviour change on some customers.
function scoreChanged(customer: Customer) {
  return { ...scoreOld(customer), band: customer.income >= 3004.5 ? "high" : "low" };
}

describe("toBeEquivalent", () => {
  it("passes for a refactor that changes nothing but float noise", async () => {
    await expect(twin({ old: scoreOld, new: scoreRefactored, inputs: customers })).toBeEquivalent();
  });

  it("passes for async functions that agree", async () => {
    const slowDouble = async (record: { x: number }) => ({ y: record.x * 2 });
    const slowSum = async (record: { x: number }) => ({ y: record.x + record.x });
    await expect(twin({ old: slowDouble, new: slowSum, inputs: [{ x: 1 }, { x: 2.5 }] })).toBeEquivalent();
  });

  it("fails with the changed-paths table and the first differing input, without colours", async () => {
    const failure = await expect(twin({ old: scoreOld, new: scoreChanged, inputs: customers }))
      .toBeEquivalent()
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).not.toMatch(/\u001b\[/);
    expect(message).toContain(
      "expected scoreOld → scoreChanged to be equivalent, but 1 of 20 trials changed (failures: old 0, new 0, both 0; gate: max changed 0)",
    );
    expect(message).toContain("Changed paths");
    expect(message).toMatch(/^band +1\/20 \(5%\) +value×1 +#8$/m);
    expect(message).toContain('input #8  {"id":8,"income":3004,"purchases":[8.8,17.6,3.3]}');
    expect(message).toContain('band  value  "high" → "low"');
  });

  it("names a one-sided throw in the message as an exception with its type", async () => {
    const throwing = (record: { x: number }) => {
      if (record.x === 2) throw new TypeError("x must not be 2");
      return { y: record.x };
    };
    const failure = await expect(
      twin({
        old: (record: { x: number }) => ({ y: record.x }),
        new: throwing,
        inputs: [{ x: 1 }, { x: 2 }],
      }),
    )
      .toBeEquivalent()
      .catch((error: Error) => error);
    expect((failure as Error).message).toContain("new failed: exception: TypeError: x must not be 2");
  });

  it("supports .not for a change that is expected", async () => {
    await expect(twin({ old: scoreOld, new: scoreChanged, inputs: customers })).not.toBeEquivalent();
    const failure = await expect(twin({ old: scoreOld, new: scoreRefactored, inputs: customers }))
      .not.toBeEquivalent()
      .catch((error: Error) => error);
    expect((failure as Error).message).toBe(
      "expected scoreOld → scoreRefactored to differ, but all 20 trials were equivalent (gate: max changed 0)",
    );
  });

  it("uses the gate: allowed changes pass", async () => {
    await expect(
      twin({ old: scoreOld, new: scoreChanged, inputs: customers, gate: { maxChanged: 1 } }),
    ).toBeEquivalent();
  });

  it("runs TypeScript modules given as js: spec strings within vitest's default timeout", {
    timeout: VITEST_DEFAULT_TIMEOUT_MS,
  }, async () => {
    const spec = (file: string) => `js:${path.join(REFACTOR, file)}#score`;
    const inputs = [0, 1, 2, 3, 7, 10];
    await expect(twin({ old: spec("score_old.ts"), new: spec("score_new.ts"), inputs })).toBeEquivalent();
  });

  it("labels functions given with { fn, label }", async () => {
    const report = await twin({
      old: { fn: scoreOld, label: "v1" },
      new: { fn: scoreRefactored, label: "v2" },
      inputs: customers.slice(0, 2),
    });
    expect(report.components).toEqual({
      old: { label: "v1", spec: "scoreOld (in-process function)" },
      new: { label: "v2", spec: "scoreRefactored (in-process function)" },
    });
  });
});
