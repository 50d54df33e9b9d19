"""Writes raw.csv: 300 synthetic shop customers as an export would hand them over (standard library only).

Run: python3 generate_raw.py  (seeded, so the file is the same every time)

The country column is messy on purpose (codes, names, odd case, stray spaces, a few blanks), and
exactly one customer (1137) signed up but never ordered: orders 0, spend 0, no last order.
"""
import csv
import datetime
import random

COUNTRIES = ["DE", "de", "Germany", " germany", "FR", "France", "fr ", "NL", "Netherlands", "US", "USA",
             "United States", "us", "GB", "UK", "United Kingdom", "ES", "Spain", ""]
PLANS = ["free", "free", "free", "plus", "plus", "pro"]
NEVER_ORDERED = 1137


def main():
    rng = random.Random(7)
    start = datetime.date(2019, 1, 1)
    with open("raw.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["customer_id", "signup_date", "country", "plan", "orders", "total_spend", "returns",
                         "last_order_days"])
        for customer_id in range(1001, 1301):
            signup = start + datetime.timedelta(days=rng.randint(0, 1900))
            if customer_id == NEVER_ORDERED:
                orders, spend, returns, last_order_days = 0, 0.0, 0, ""
            else:
                orders = max(1, int(rng.expovariate(1 / 9)))
                spend = round(sum(rng.lognormvariate(3.6, 0.6) for _ in range(orders)), 2)
                returns = sum(1 for _ in range(orders) if rng.random() < 0.08)
                last_order_days = rng.randint(0, 400)
            writer.writerow([customer_id, signup.isoformat(), rng.choice(COUNTRIES), rng.choice(PLANS), orders,
                             f"{spend:.2f}", returns, last_order_days])


if __name__ == "__main__":
    main()
