"""Customer features, batch CSV -> CSV (v1, as it runs in production today). Standard library only.

Run: python3 build_features_v1.py --in raw.csv --out features.csv
"""
import argparse
import csv
import datetime

AS_OF = datetime.date(2024, 6, 30)  # the snapshot date features are computed at
ACTIVE_WITHIN_DAYS = 90

COUNTRY_CODES = {
    "de": "DE", "germany": "DE",
    "fr": "FR", "france": "FR",
    "nl": "NL", "netherlands": "NL",
    "us": "US", "usa": "US", "united states": "US",
    "gb": "GB", "uk": "GB", "united kingdom": "GB",
    "es": "ES", "spain": "ES",
}

FIELDS = ["customer_id", "country_code", "plan", "tenure_days", "orders", "avg_order_value", "spend_per_day",
          "return_rate", "is_active", "spend_segment"]


def normalise_country(raw):
    return COUNTRY_CODES.get(raw.strip().lower(), "UNKNOWN")


def spend_segment(total_spend):
    if total_spend >= 1000:
        return "high"
    if total_spend >= 250:
        return "mid"
    return "low"


def build_row(raw):
    orders = int(raw["orders"])
    total_spend = float(raw["total_spend"])
    returns = int(raw["returns"])
    signup = datetime.date.fromisoformat(raw["signup_date"])
    tenure_days = (AS_OF - signup).days
    last_order_days = int(raw["last_order_days"]) if raw["last_order_days"] else None
    return {
        "customer_id": int(raw["customer_id"]),
        "country_code": normalise_country(raw["country"]),
        "plan": raw["plan"],
        "tenure_days": tenure_days,
        "orders": orders,
        "avg_order_value": round(total_spend / orders, 2) if orders else 0.0,
        "spend_per_day": total_spend / max(tenure_days, 1),
        "return_rate": returns / orders if orders else 0.0,
        "is_active": 1 if last_order_days is not None and last_order_days <= ACTIVE_WITHIN_DAYS else 0,
        "spend_segment": spend_segment(total_spend),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--in", dest="input", required=True)
    parser.add_argument("--out", dest="output", required=True)
    args = parser.parse_args()
    with open(args.input, newline="") as source, open(args.output, "w", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=FIELDS)
        writer.writeheader()
        for raw in csv.DictReader(source):
            writer.writerow(build_row(raw))


if __name__ == "__main__":
    main()
