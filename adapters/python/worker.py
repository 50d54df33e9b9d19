"""twinrun's Python worker: imports one user function once, then calls it for every input.

Started by adapters/python/ as `python worker.py <config-json>`, in the component's folder.
Standard library only; pandas and numpy are used only when the user's code imported them (or
the dataframe style needs pandas).

Protocol: one JSON message per line. In (stdin): {"id": n, "type": "call", "input": <json>}.
Out (the real stdout, saved at start):
  {"type": "ready", "pid": n, "python": "3.11.2"}              after the import
  {"type": "startup-error", "errorType", "message", "traceback"}  the import failed; exit 3
  {"id": n, "type": "result", "output": <json>}                written exactly in this shape
  {"id": n, "type": "error", "errorType", "message", "traceback", "stderr"}
  {"id": n, "type": "unserialisable", "message", "stderr"}
The user's print() output goes to stderr, so it can never corrupt the protocol.

Outputs are serialised faithfully by _twinrun_serialise.py (ints of any size, 1.0 vs 1, NaN,
marked types JSON lacks, DataFrames as tables).
"""

import importlib
import json
import os
import random
import sys
import traceback

# This script's folder is first on sys.path only now: import the serialiser before main() drops
# it, without leaving a __pycache__ folder in the installed package.
_dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
from _twinrun_serialise import Unserialisable, dump, module_named, set_row_key, to_plain  # noqa: E402

sys.dont_write_bytecode = _dont_write_bytecode

TRACEBACK_CHARS = 3000
CAPTURE_CHARS = 4096


class TeeWriter:
    """Stands in for sys.stdout/sys.stderr: writes to the real stderr and keeps the last few KB."""

    def __init__(self, target):
        self.target = target
        self.kept = ""
        self.encoding = "utf-8"
        self.errors = "replace"

    def write(self, text):
        if not isinstance(text, str):
            text = str(text)
        self.kept = (self.kept + text)[-CAPTURE_CHARS:]
        self.target.write(text)
        return len(text)

    def flush(self):
        self.target.flush()

    def isatty(self):
        return False

    @property
    def buffer(self):
        return self.target.buffer

    def fileno(self):
        return self.target.fileno()

    def take(self):
        kept, self.kept = self.kept, ""
        return kept




class Worker:
    def __init__(self, config, protocol_out, protocol_in, capture):
        self.config = config
        self.out = protocol_out
        self.inp = protocol_in
        self.capture = capture
        self.function = None
        self.seed = seed_of(os.environ.get("TWINRUN_SEED", "0"))

    def send(self, text):
        sys.stderr.flush()
        self.out.write(text.encode("utf-8") + b"\n")
        self.out.flush()

    def start(self):
        # The component's folder first, then its extra `path` entries, then the interpreter's own.
        entries = [self.config["cwd"], *self.config.get("path", [])]
        sys.path[:] = entries + [entry for entry in sys.path if entry not in entries]
        if self.config.get("style") == "dataframe":
            try:
                import pandas  # noqa: F401  (the dataframe style builds a DataFrame per batch)
            except ImportError as error:
                raise ImportError(
                    f"style dataframe needs pandas, but {sys.executable} cannot import it ({error}); "
                    "point twinrun at an interpreter that has pandas (python: in the config, or TWINRUN_PYTHON)"
                ) from error
        module = importlib.import_module(self.config["module"])
        target = module
        for part in self.config["function"].split("."):
            if not hasattr(target, part):
                raise AttributeError(
                    f'module "{self.config["module"]}" ({getattr(module, "__file__", "?")}) has no '
                    f'function "{self.config["function"]}"'
                )
            target = getattr(target, part)
        if not callable(target):
            raise TypeError(f'"{self.config["module"]}.{self.config["function"]}" is not callable')
        self.function = target

    def call(self, value):
        if self.config.get("seedEachCall"):
            random.seed(self.seed)
            np = module_named("numpy")
            if np is not None:
                np.random.seed(self.seed % 2**32)
        if self.config.get("style") == "dataframe":
            pd = module_named("pandas")
            return self.function(pd.DataFrame(value))
        return self.function(value)

    def handle(self, line):
        message = json.loads(line)
        call_id = int(message["id"])
        self.capture.take()
        try:
            result = self.call(message["input"])
        except Exception as error:
            self.send(
                dump(
                    {
                        "id": call_id,
                        "type": "error",
                        "errorType": type(error).__name__,
                        "message": error_message(error),
                        "traceback": user_traceback(error),
                        "stderr": self.capture.take(),
                    }
                )
            )
            return
        try:
            text = dump(to_plain(result))
        except (Unserialisable, RecursionError, ValueError, TypeError) as error:
            message = str(error) if isinstance(error, Unserialisable) else f"cannot serialise the result: {error}"
            self.send(dump({"id": call_id, "type": "unserialisable", "message": message, "stderr": self.capture.take()}))
            return
        self.send('{"id":%d,"type":"result","output":%s}' % (call_id, text))

    def serve(self):
        for line in self.inp:
            if line.strip():
                self.handle(line)


def seed_of(text):
    try:
        return int(text)
    except ValueError:
        return sum(text.encode("utf-8"))


def error_message(error):
    text = str(error)
    return text if len(text) <= 2000 else text[:2000] + "…"


def user_traceback(error):
    """The traceback without this worker's own frames, kept to its last lines."""
    frames = traceback.extract_tb(error.__traceback__)
    hidden = (os.path.abspath(__file__), os.path.dirname(os.path.abspath(importlib.__file__)) + os.sep)
    frames = [
        frame
        for frame in frames
        if not os.path.abspath(frame.filename).startswith(hidden) and not frame.filename.startswith("<frozen ")
    ]
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    lines += traceback.format_exception_only(type(error), error)
    text = "".join(lines)
    return text if len(text) <= TRACEBACK_CHARS else "…" + text[-TRACEBACK_CHARS:]


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    config = json.loads(sys.argv[1])
    set_row_key(config.get("key"))
    # The protocol owns the real stdin/stdout; the user's code gets /dev/null and stderr instead,
    # so print(), input() and child processes can never corrupt or steal protocol lines.
    protocol_out = os.fdopen(os.dup(1), "wb")
    protocol_in = os.fdopen(os.dup(0), "r", encoding="utf-8")
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    capture = TeeWriter(sys.__stderr__)
    sys.stdout = capture
    sys.stderr = capture
    sys.stdin = open(os.devnull, "r")
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]  # this script's folder must not shadow the user's modules
    worker = Worker(config, protocol_out, protocol_in, capture)
    try:
        worker.start()
    except BaseException as error:  # noqa: BLE001 (any import failure is reported, then exit 3)
        worker.send(
            dump(
                {
                    "type": "startup-error",
                    "errorType": type(error).__name__,
                    "message": error_message(error),
                    "traceback": user_traceback(error),
                }
            )
        )
        sys.exit(3)
    worker.send(dump({"type": "ready", "pid": os.getpid(), "python": sys.version.split()[0]}))
    worker.serve()


if __name__ == "__main__":
    main()
