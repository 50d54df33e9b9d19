"""Customer features, moved out of explore.ipynb and cleaned up for production."""
import bisect
import math

AGE_BINS = [25, 40, 65]
AGE_LABELS = ["<25", "25-39", "40-64", "65+"]


def age_bucket(age):
    return AGE_LABELS[bisect.bisect_right(AGE_BINS, age)]


def add_features(row):
    income = row.get("income", 0.0)
    return {
        "id": row["id"],
        "log_income": math.log1p(income),
        "age_bucket": age_bucket(row["age"]),
        "spend_share": math.fsum(row["purchases"]) / income if income else None,
    }
