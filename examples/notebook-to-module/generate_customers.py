"""Writes customers.jsonl: 400 seeded customer records, a few with no recorded income (null)."""
import json
import random

rng = random.Random(17)
with open("customers.jsonl", "w", encoding="utf-8") as out:
    for i in range(400):
        income = None if i % 53 == 7 else round(rng.lognormvariate(10.3, 0.6), 2)
        record = {
            "id": 5000 + i,
            "age": rng.randint(18, 90),
            "income": income,
            "purchases": [round(rng.uniform(5, 400), 2) for _ in range(rng.randint(0, 6))],
        }
        out.write(json.dumps(record) + "\n")
