"""Loan features, version 2: the vectorised rewrite of features_v1.py. Same features, 50x faster.

(It also carries the kind of slip such rewrites make: see debt_to_income.)
"""
import numpy as np
import pandas as pd

REFERENCE_DATE = pd.Timestamp("2024-01-01")
AGE_BINS = [-np.inf, 25, 40, 65, np.inf]
AGE_LABELS = ["<25", "25-39", "40-64", "65+"]


def build_features(customers):
    income = customers["income"].fillna(customers["income"].median())
    score = customers["credit_score"]
    score_filled = score.fillna(score.mean())
    signup = pd.to_datetime(customers["signup_date"])
    regions = sorted(customers["region"].unique())

    age_bucket = pd.cut(customers["age"], bins=AGE_BINS, labels=AGE_LABELS, right=False)
    features = pd.DataFrame(
        {
            "customer_id": customers["customer_id"].astype("int64"),
            "age_bucket": age_bucket.astype(object).where(customers["age"].notna(), "unknown"),
            "income_log": np.log1p(income),
            # The slip: the raw income column, so a missing income gives NaN instead of the median.
            "debt_to_income": customers["debt"] / customers["income"],
            "loan_to_income": customers["loan_amount"] / income,
            "payment_to_income": (customers["loan_amount"] / customers["term_months"]) / (income / 12),
            "credit_score_z": (score_filled - score.mean()) / score.std(),
            "region_code": customers["region"].map({region: code for code, region in enumerate(regions)}),
            "is_employed": customers["employment"] == "employed",
            "is_self_employed": customers["employment"] == "self-employed",
            "signup_month": signup.dt.month.astype("int64"),
            "tenure_days": (REFERENCE_DATE - signup).dt.days.astype("int64"),
        }
    )
    return features
