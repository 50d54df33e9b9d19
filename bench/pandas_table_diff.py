"""The pandas baseline of bench/table-diff.ts: the comparison a data engineer writes by hand.

Run: /usr/bin/python3 bench/pandas_table_diff.py OLD.csv NEW.csv KEY
Prints one JSON line: rows per side, rows only on one side, changed rows per column, seconds and
peak RSS (ru_maxrss of this process). Numbers compare as np.isclose(rtol=1e-9, atol=1e-12,
equal_nan=True), everything else by equality with null equal to null.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def changed_rows(old, new):
    """Rows where one column's two sides differ (beyond tolerance for numbers)."""
    if pd.api.types.is_numeric_dtype(old) and pd.api.types.is_numeric_dtype(new):
        same = np.isclose(old.to_numpy(dtype=float), new.to_numpy(dtype=float), rtol=1e-9, atol=1e-12,
                          equal_nan=True)
    else:
        same = ((old == new) | (old.isna() & new.isna())).to_numpy()
    return int((~same).sum())


def main():
    old_path, new_path, key = sys.argv[1:4]
    started = time.perf_counter()
    old = pd.read_csv(old_path)
    new = pd.read_csv(new_path)
    merged = old.merge(new, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    both = merged[merged["_merge"] == "both"]
    columns = [column for column in old.columns if column != key and column in new.columns]
    changed = {column: changed_rows(both[f"{column}_old"], both[f"{column}_new"]) for column in columns}
    seconds = time.perf_counter() - started
    print(json.dumps({
        "rowsOld": len(old),
        "rowsNew": len(new),
        "matched": len(both),
        "onlyOld": int((merged["_merge"] == "left_only").sum()),
        "onlyNew": int((merged["_merge"] == "right_only").sum()),
        "changedRows": {column: count for column, count in changed.items() if count > 0},
        "seconds": seconds,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
