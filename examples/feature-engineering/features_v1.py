"""Loan features, version 1: the notebook original. Row by row, easy to follow, slow.

build_features(customers) takes the raw customers DataFrame and returns one row of model
features per customer.
"""
import datetime
import math
import statistics

import pandas as pd

REFERENCE_DATE = datetime.date(2024, 1, 1)


def age_bucket(age):
    if age is None or math.isnan(age):
        return "unknown"
    if age < 25:
        return "<25"
    if age < 40:
        return "25-39"
    if age < 65:
        return "40-64"
    return "65+"


def build_features(customers):
    incomes = [value for value in customers["income"] if not math.isnan(value)]
    median_income = statistics.median(incomes)
    scores = [value for value in customers["credit_score"] if not math.isnan(value)]
    mean_score = statistics.fmean(scores)
    std_score = statistics.stdev(scores)
    regions = sorted(set(customers["region"]))

    rows = []
    for _, customer in customers.iterrows():
        income = customer["income"]
        if math.isnan(income):
            income = median_income  # impute missing incomes with the median
        score = customer["credit_score"]
        if math.isnan(score):
            score = mean_score
        signup = datetime.date.fromisoformat(customer["signup_date"])
        rows.append(
            {
                "customer_id": int(customer["customer_id"]),
                "age_bucket": age_bucket(customer["age"]),
                "income_log": math.log1p(income),
                "debt_to_income": customer["debt"] / income,
                "loan_to_income": customer["loan_amount"] / income,
                "payment_to_income": (customer["loan_amount"] / customer["term_months"]) / (income / 12),
                "credit_score_z": (score - mean_score) / std_score,
                "region_code": regions.index(customer["region"]),
                "is_employed": customer["employment"] == "employed",
                "is_self_employed": customer["employment"] == "self-employed",
                "signup_month": signup.month,
                "tenure_days": (REFERENCE_DATE - signup).days,
            }
        )
    return pd.DataFrame(rows)
