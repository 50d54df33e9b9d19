"""Writes customers.csv: 2,000 synthetic loan customers with realistic gaps (standard library only).

Run: python3 generate_customers.py  (seeded, so the file is the same every time)
"""
import csv
import datetime
import random

REGIONS = ["north", "south", "east", "west"]
EMPLOYMENT = ["employed", "employed", "employed", "self-employed", "unemployed"]


def main():
    rng = random.Random(2024)
    start = datetime.date(2015, 1, 1)
    with open("customers.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["customer_id", "age", "income", "debt", "loan_amount", "term_months", "signup_date", "region",
             "employment", "credit_score"]
        )
        for customer_id in range(1, 2001):
            age = rng.randint(18, 85)
            income = round(rng.lognormvariate(10.8, 0.5), 2)
            writer.writerow(
                [
                    customer_id,
                    "" if rng.random() < 0.02 else age,
                    "" if rng.random() < 0.03 else income,
                    round(income * rng.uniform(0, 0.8), 2),
                    rng.choice([5000, 10000, 15000, 20000, 30000, 50000]),
                    rng.choice([12, 24, 36, 60]),
                    (start + datetime.timedelta(days=rng.randint(0, 3200))).isoformat(),
                    rng.choice(REGIONS),
                    "" if rng.random() < 0.04 else rng.choice(EMPLOYMENT),
                    "" if rng.random() < 0.05 else rng.randint(300, 850),
                ]
            )


if __name__ == "__main__":
    main()
