import { describe, it } from "vitest";
import { type CompareCase, expectCase, json } from "./compare-case.ts";

const byId = [{ path: "items", unordered: { key: "id" } }];

describe("unordered arrays matched by a key field", () => {
  const cases: CompareCase[] = [
    {
      name: "reordered items with the same ids are equal",
      oldValue: {
        items: [
          { id: 1, v: 1 },
          { id: 2, v: 2 },
        ],
      },
      newValue: {
        items: [
          { id: 2, v: 2 },
          { id: 1, v: 1 },
        ],
      },
      rules: byId,
      expected: [],
    },
    {
      name: "a changed field is reported under the item's id",
      oldValue: {
        items: [
          { id: 42, score: 0.5 },
          { id: 7, score: 1 },
        ],
      },
      newValue: {
        items: [
          { id: 7, score: 1 },
          { id: 42, score: 0.7 },
        ],
      },
      rules: byId,
      expected: ["value items[id=42].score"],
    },
    {
      name: "an item only in new is added at its id",
      oldValue: { items: [{ id: 1 }] },
      newValue: { items: [{ id: 1 }, { id: 2 }] },
      rules: byId,
      expected: ["length items", "added items[id=2]"],
    },
    {
      name: "an item only in old is removed at its id",
      oldValue: { items: [{ id: "a" }, { id: "b" }] },
      newValue: { items: [{ id: "b" }] },
      rules: byId,
      expected: ["length items", 'removed items[id="a"]'],
    },
    {
      name: "duplicate ids are paired in order, not collapsed",
      oldValue: {
        items: [
          { id: 1, v: 1 },
          { id: 1, v: 2 },
        ],
      },
      newValue: {
        items: [
          { id: 1, v: 1 },
          { id: 1, v: 3 },
        ],
      },
      rules: byId,
      expected: ["value items[id=1].v"],
    },
    {
      name: "a surplus duplicate is added",
      oldValue: { items: [{ id: 1 }] },
      newValue: { items: [{ id: 1 }, { id: 1 }] },
      rules: byId,
      expected: ["length items", "added items[id=1]"],
    },
    {
      name: 'ids are typed: 1 and "1" are different items',
      oldValue: { items: [{ id: 1 }] },
      newValue: { items: [{ id: "1" }] },
      rules: byId,
      expected: ["removed items[id=1]", 'added items[id="1"]'],
    },
    {
      name: "big ids stay exact",
      oldValue: json('{"items": [{"id": 9007199254740993, "v": 1}]}'),
      newValue: json('{"items": [{"id": 9007199254740992, "v": 1}]}'),
      rules: byId,
      expected: ["removed items[id=9007199254740993]", "added items[id=9007199254740992]"],
    },
    {
      name: "elements without the key compare as a multiset",
      oldValue: { items: [{ id: 1 }, "x", 5] },
      newValue: { items: [5, { id: 1 }, "y"] },
      rules: byId,
      expected: ["removed items[1]", "added items[2]"],
    },
    {
      name: "rules reach fields inside keyed items through [*]",
      oldValue: { items: [{ id: 1, ts: 1, v: 1.5 }] },
      newValue: { items: [{ id: 1, ts: 2, v: 2 }] },
      rules: [...byId, { path: "items[*].ts", ignore: true }],
      expected: ["value items[id=1].v"],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));
});
