// A hint's condition in words: `age ∈ {25, 40, 65}`, `income > 100000`, `tags is empty`.
import type { FieldCondition, HintCondition } from "./types.ts";

/** Why: reporters and the JSON report show the same sentence for a condition. */
export function describeCondition(condition: HintCondition): string {
  if (condition.op === "and") return condition.conditions.map(describeFieldCondition).join(" and ");
  return describeFieldCondition(condition);
}

function describeFieldCondition(condition: FieldCondition): string {
  const { field } = condition;
  switch (condition.op) {
    case "in":
      return condition.values.length === 1
        ? `${field} = ${formatValue(condition.values[0])}`
        : `${field} ∈ {${condition.values.map(formatValue).join(", ")}}`;
    case ">":
    case "<":
      return `${field} ${condition.op} ${formatNumber(condition.value)}`;
    case "between":
      return `${formatNumber(condition.min)} ≤ ${field} ≤ ${formatNumber(condition.max)}`;
    case "null":
      return `${field} is null`;
    case "missing":
      return `${field} is missing`;
    case "empty":
      return `${field} is empty`;
    case "non-ascii":
      return `${field} has non-ASCII characters`;
    case "edge-whitespace":
      return `${field} starts or ends with whitespace`;
    case "upper-case":
      return `${field} is all upper-case`;
    case "lower-case":
      return `${field} is all lower-case`;
    case "mixed-case":
      return `${field} has mixed case`;
    case "length>":
      return `length of ${field} > ${formatNumber(condition.value)}`;
    case "length<":
      return `length of ${field} < ${formatNumber(condition.value)}`;
    case "type":
      return `${field} is ${condition.type === "array" || condition.type === "object" ? "an" : "a"} ${condition.type}`;
  }
}

function formatValue(value: number | string | boolean): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  return String(value);
}

function formatNumber(value: number): string {
  return String(value);
}
