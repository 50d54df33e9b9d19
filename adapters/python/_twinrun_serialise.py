"""twinrun's faithful serialisation of a Python function's output (used by worker.py).

Every value becomes dicts, lists, str, int, float, bool and None that json.dumps writes without
loss: ints of any size stay ints, floats stay floats (1.0, NaN, Infinity), numpy and pandas
scalars become the Python numbers they hold, and types JSON lacks become marked objects:
{"$tuple": [...]}, {"$set": [...]}, {"$frozenset": [...]}, {"$bytes": "<base64>"},
{"$decimal": "1.10"}, {"$datetime": "..."}, {"$date": "..."}, {"$time": "..."},
{"$timedelta": <seconds>}, {"$complex": [re, im]}, {"$nat": true}, {"$na": true}.
A pandas DataFrame (or Series) becomes a table: {"columns", "dtypes", "rows"}.
pandas and numpy are never imported here: a value can only be theirs if the user's code did.
"""

import base64
import dataclasses
import datetime
import decimal
import json
import sys


class Unserialisable(Exception):
    """The function returned something twinrun cannot write as JSON faithfully."""


def module_named(name):
    """A module only if the user's code (or the dataframe style) already imported it."""
    return sys.modules.get(name)


def key_text(key):
    if type(key) is str:
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int):
        return str(int(key))
    if isinstance(key, float):
        return json.dumps(float(key))
    np = module_named("numpy")
    if np is not None and isinstance(key, np.generic):
        return key_text(key.item())
    return str(key)


def sorted_items(items):
    plain = [to_plain(item) for item in items]
    try:
        return sorted(plain)
    except TypeError:
        return sorted(plain, key=lambda item: json.dumps(item, sort_keys=True, allow_nan=True))


def to_plain(value):
    """Turns any output into dicts, lists, str, int, float, bool and None (marked where needed)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is dict:
        return {key_text(key): to_plain(item) for key, item in value.items()}
    if kind is list:
        return [to_plain(item) for item in value]
    return special_to_plain(value)


def special_to_plain(value):
    pd = module_named("pandas")
    np = module_named("numpy")
    name = type(value).__name__
    if name == "NaTType":
        return {"$nat": True}
    if name == "NAType":
        return {"$na": True}
    if pd is not None:
        if isinstance(value, pd.DataFrame):
            return table_of(value)
        if isinstance(value, pd.Series):
            return table_of(value.to_frame())
        if isinstance(value, pd.Index):
            return [to_plain(item) for item in value.tolist()]
        if isinstance(value, pd.Categorical):
            return [to_plain(item) for item in value.tolist()]
        if isinstance(value, (pd.Period, pd.Interval)):
            return {"$" + name.lower(): str(value)}
    if np is not None:
        if isinstance(value, np.ndarray):
            if value.dtype.kind in "mMO":
                return [to_plain(item) for item in list(value)]
            return to_plain(value.tolist())
        if isinstance(value, np.datetime64):
            if np.isnat(value):
                return {"$nat": True}
            return {"$datetime": str(value)}
        if isinstance(value, np.timedelta64):
            if np.isnat(value):
                return {"$nat": True}
            return {"$timedelta": value / np.timedelta64(1, "s")}
        if isinstance(value, np.generic):
            return to_plain(value.item())
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {key_text(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return {"$tuple": [to_plain(item) for item in value]}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, frozenset):
        return {"$frozenset": sorted_items(value)}
    if isinstance(value, set):
        return {"$set": sorted_items(value)}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, decimal.Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$time": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"$timedelta": value.total_seconds()}
    if isinstance(value, complex):
        return {"$complex": [value.real, value.imag]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if hasattr(value, "tolist") and callable(value.tolist):
        return to_plain(value.tolist())
    raise Unserialisable(
        f"the function returned a {type(value).__module__}.{type(value).__qualname__}, which twinrun "
        "cannot write as JSON; return dicts, lists, numbers, strings, numpy/pandas values or dataclasses"
    )


def column_name(column):
    if isinstance(column, tuple):
        return "|".join(key_text(part) for part in column)
    return key_text(column)


def table_of(frame):
    """A DataFrame as {"columns", "dtypes", "rows"}; each row also carries its index (see below)."""
    columns = [column_name(column) for column in frame.columns]
    duplicates = sorted({name for name in columns if columns.count(name) > 1})
    if duplicates:
        raise Unserialisable(f"the returned DataFrame has duplicate column names: {', '.join(duplicates)}")
    dtypes = {name: str(dtype) for name, dtype in zip(columns, frame.dtypes)}
    values = [[to_plain(item) for item in frame.iloc[:, i].tolist()] for i in range(len(columns))]
    rows = [dict(zip(columns, row)) for row in zip(*values)] if columns else [{} for _ in range(len(frame))]
    # The index travels with each row: named levels as fields (as reset_index() would make them),
    # an unnamed index as "$index" (0, 1, 2 … for the default one), so a changed index shows;
    # with key columns, rows are identified by the key and an unnamed index is left out.
    index = frame.index
    names = [None if level is None else key_text(level) for level in index.names]
    if all(names) and not set(names) & set(columns):
        for level, name in enumerate(names):
            for row, item in zip(rows, index.get_level_values(level).tolist()):
                row[name] = to_plain(item)
    elif not ROW_KEY:
        for row, label in zip(rows, index.tolist()):
            row["$index"] = [to_plain(part) for part in label] if isinstance(label, tuple) else to_plain(label)
    check_row_key(rows, columns)
    return {"columns": columns, "dtypes": dtypes, "rows": rows}


ROW_KEY = None  # the key columns of the dataframe style (set_row_key)


def set_row_key(columns):
    """Tables must carry these key columns, and leave an unnamed index out (None: rows by position)."""
    global ROW_KEY
    ROW_KEY = list(columns) if columns else None


def check_row_key(rows, columns):
    """With key columns, every row must carry them: table comparison matches rows by their values."""
    if not ROW_KEY or not rows:
        return
    for name in ROW_KEY:
        if name not in rows[0]:
            raise Unserialisable(
                f'key column "{name}" is not in the returned table (columns: {", ".join(columns) or "none"})'
            )


def dump(plain):
    return json.dumps(plain, allow_nan=True, ensure_ascii=True, separators=(",", ":"))
