"""Customer features, version 1 (the code before the refactor).

Runs as a twinrun worker: one JSON customer per line on stdin, one JSON
feature record per line on stdout. Standard library only.
"""
import json
import math
import sys
import time


def age_bucket(age):
    if age is None:
        return "unknown"
    if age < 25:
        return "18-24"
    elif age < 40:
        return "25-39"
    elif age < 65:
        return "40-64"
    else:
        return "65+"


def build_features(customer):
    purchases = customer.get("purchases") or []
    total = 0.0
    for amount in purchases:
        total = total + amount
    avg_purchase = total / len(purchases) if purchases else 0.0
    tags = []
    for tag in customer.get("tags") or []:
        if tag not in tags:
            tags.append(tag)
    return {
        "id": customer["id"],
        "age_bucket": age_bucket(customer.get("age")),
        "log_income": math.log1p(customer["income"]) if customer.get("income") else 0.0,
        "n_purchases": len(purchases),
        "avg_purchase": avg_purchase,
        "is_domestic": customer.get("country") == "NL",
        "tags": tags,
        "generated_at": time.time(),
    }


for line in sys.stdin:
    print(json.dumps(build_features(json.loads(line))), flush=True)
