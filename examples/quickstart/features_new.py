"""Customer features, version 2 (the refactor).

Same contract as features_old.py: tidier, with statistics.fmean and a table of
age buckets. It hides one real behaviour change; twinrun finds it.
"""
import json
import math
import statistics
import sys
import time

AGE_BUCKETS = [(25, "18-24"), (40, "25-39"), (65, "40-64")]


def age_bucket(age):
    if age is None:
        return "unknown"
    for upper, name in AGE_BUCKETS:
        if age <= upper:
            return name
    return "65+"


def build_features(customer):
    purchases = customer.get("purchases") or []
    income = customer.get("income")
    return {
        "id": customer["id"],
        "age_bucket": age_bucket(customer.get("age")),
        "log_income": math.log1p(income) if income else 0.0,
        "n_purchases": len(purchases),
        "avg_purchase": statistics.fmean(purchases) if purchases else 0.0,
        "is_domestic": customer.get("country") == "NL",
        "tags": sorted(set(customer.get("tags") or [])),
        "generated_at": time.time(),
    }


for line in sys.stdin:
    print(json.dumps(build_features(json.loads(line))), flush=True)
