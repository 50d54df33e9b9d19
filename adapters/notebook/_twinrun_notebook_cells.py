"""twinrun's notebook reader: which code cells of a notebook only define things.

Started by adapters/notebook/ as `python _twinrun_notebook_cells.py <config-json>` with the
component's interpreter, so each cell is parsed by the Python that will run it. Standard library
only (the notebook is read as JSON; no Jupyter needed to take a function from it).

A code cell is taken when every statement in it defines something: imports, function and class
definitions, and assignments of constants (literals, and expressions of constants and of names
taken cells define). Anything else (loading data, training, plotting, printing) leaves the cell
out. IPython line magics and shell lines (`%matplotlib inline`, `!pip install x`) are dropped from
a cell before it is judged; a cell magic (`%%time`) leaves the whole cell out. The tag `twinrun`
takes a cell whatever it does, `twinrun-skip` leaves it out.

Prints one JSON object on stdout:
  {"ok": true, "cells": [...], "defined": {name: cell}, "unresolved": [...], "module": "<path>"}
  {"ok": false, "kind": "notebook" | "function" | "tagged", "message": "..."}
"""

import ast
import builtins
import json
import os
import re
import sys

TAKE_TAG = "twinrun"
SKIP_TAG = "twinrun-skip"
SHOWN_CHARS = 60

# Calls whose result is a value computed from constants alone (no I/O, no state).
PURE_CALLS = {
    *"frozenset set tuple list dict range enumerate zip sorted reversed len min max sum abs round".split(),
    *"str int float bool complex bytes object slice".split(),
    *"re.compile namedtuple collections.namedtuple TypeVar typing.TypeVar NamedTuple typing.NamedTuple".split(),
    *"date time datetime timedelta datetime.date datetime.datetime datetime.timedelta datetime.time".split(),
    *"Decimal decimal.Decimal Fraction fractions.Fraction field dataclasses.field Path pathlib.Path".split(),
    *"np.array numpy.array np.float64 np.int64 np.dtype pd.Timestamp pd.Timedelta pd.Categorical".split(),
    *"pd.CategoricalDtype re.escape math.sqrt math.log math.exp".split(),
}
LOADS = re.compile(r"^(read_\w*|load\w*|open|urlopen|fetch\w*|download\w*|get|connect|query|sql)$")
TRAINS = {"fit", "fit_transform", "train", "partial_fit", "fit_predict", "compile", "evaluate"}
PLOTS_ROOTS = {"plt", "sns", "px", "go", "alt", "matplotlib", "seaborn", "plotly"}
PLOTS = {"plot", "show", "hist", "scatter", "figure", "subplots", "imshow", "savefig", "barh", "bar", "boxplot"}
SHOWS = {"print", "display", "head", "tail", "describe", "info", "sample", "value_counts"}
HELP_LINE = re.compile(r"^\s*\?{0,2}[A-Za-z_][\w.]*\?{1,2}\s*$")
MAGIC_ASSIGN = re.compile(r"^\s*[A-Za-z_][\w, ]*=\s*[!%]")


class NotebookError(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def read_cells(path):
    """The notebook's cells as (number, source, tags, cell_type); numbers count every cell from 1."""
    try:
        with open(path, encoding="utf-8") as handle:
            notebook = json.load(handle)
    except FileNotFoundError:
        raise NotebookError("notebook", f"{path}: no such notebook file")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
        raise NotebookError("notebook", f"{path}: not a Jupyter notebook: its text is not JSON{where}: {error}")
    if isinstance(notebook, dict) and "worksheets" in notebook:
        raise NotebookError(
            "notebook",
            f"{path}: a version 3 notebook; twinrun reads version 4 (convert it with "
            "`jupyter nbconvert --to notebook --nbformat 4`, or open and save it in Jupyter)",
        )
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise NotebookError("notebook", f'{path}: not a Jupyter notebook: expected a JSON object with a "cells" list')
    cells = []
    for position, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict):
            raise NotebookError("notebook", f"{path}: cell {position} is not a JSON object")
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(part for part in source if isinstance(part, str))
        if not isinstance(source, str):
            raise NotebookError("notebook", f"{path}: cell {position}: source is neither text nor a list of lines")
        metadata = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
        tags = [tag for tag in metadata.get("tags", []) if isinstance(tag, str)]
        cells.append((position, source, tags, cell.get("cell_type")))
    return cells


def shown(text):
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_CHARS else line[: SHOWN_CHARS - 1] + "…"


def first_line(source):
    for line in source.splitlines():
        if line.strip():
            return shown(line)
    return ""


def strip_magics(source):
    """(source without line magics and shell lines, [dropped lines]) or raises ValueError(reason)."""
    lines = source.splitlines(keepends=True)
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if code and code[0].lstrip().startswith("%%"):
        raise ValueError(f"a cell magic ({shown(code[0].split()[0])}) runs it outside plain Python")
    kept, dropped = [], []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if MAGIC_ASSIGN.match(line):
            raise ValueError(f"line {number}: {shown(stripped)} assigns the output of a shell line or magic")
        if stripped.startswith(("%", "!")) or HELP_LINE.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(f"{indent}pass\n")
            dropped.append(f"line {number}: {shown(stripped)}")
        else:
            kept.append(line)
    return "".join(kept), dropped


class Judge:
    """Decides whether statements only define things, given the names taken cells define so far."""

    def __init__(self, known):
        self.known = known

    def name_known(self, name):
        return name in self.known or hasattr(builtins, name)

    def reference(self, node):
        """A name or attribute chain rooted at a known name (np.pi, Enum.X)."""
        if isinstance(node, ast.Name):
            return self.name_known(node.id)
        if isinstance(node, ast.Attribute):
            return self.reference(node.value)
        return False

    def constant(self, node, local=frozenset()):
        if node is None or isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return node.id in local or self.name_known(node.id)
        if isinstance(node, ast.Attribute):
            return self.constant(node.value, local)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return all(self.constant(element, local) for element in node.elts)
        if isinstance(node, ast.Starred):
            return self.constant(node.value, local)
        if isinstance(node, ast.Dict):
            return all(self.constant(part, local) for part in [*node.keys, *node.values])
        if isinstance(node, ast.UnaryOp):
            return self.constant(node.operand, local)
        if isinstance(node, ast.BinOp):
            return self.constant(node.left, local) and self.constant(node.right, local)
        if isinstance(node, ast.BoolOp):
            return all(self.constant(value, local) for value in node.values)
        if isinstance(node, ast.Compare):
            return all(self.constant(part, local) for part in [node.left, *node.comparators])
        if isinstance(node, ast.IfExp):
            return all(self.constant(part, local) for part in [node.test, node.body, node.orelse])
        if isinstance(node, ast.Subscript):
            return self.constant(node.value, local) and self.constant(node.slice, local)
        if isinstance(node, ast.Slice):
            return all(self.constant(part, local) for part in [node.lower, node.upper, node.step])
        if isinstance(node, ast.JoinedStr):
            return all(self.constant(value, local) for value in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.constant(node.value, local) and self.constant(node.format_spec, local)
        if isinstance(node, ast.Lambda):
            return self.defaults_constant(node.args)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = set(local)
            for generator in node.generators:
                if not self.constant(generator.iter, frozenset(inner)):
                    return False
                inner |= {n.id for n in ast.walk(generator.target) if isinstance(n, ast.Name)}
                if not all(self.constant(test, frozenset(inner)) for test in generator.ifs):
                    return False
            parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            return all(self.constant(part, frozenset(inner)) for part in parts)
        if isinstance(node, ast.Call):
            try:
                called = ast.unparse(node.func)
            except Exception:
                return False
            return (
                called in PURE_CALLS
                and self.reference(node.func)
                and all(self.constant(arg, local) for arg in node.args)
                and all(self.constant(keyword.value, local) for keyword in node.keywords)
            )
        return False

    def defaults_constant(self, arguments):
        return all(self.constant(value) for value in [*arguments.defaults, *arguments.kw_defaults])

    def decorator(self, node):
        if isinstance(node, ast.Call):
            return self.reference(node.func) and all(
                self.constant(part) for part in [*node.args, *(k.value for k in node.keywords)]
            )
        return self.reference(node)

    def problem(self, statement, in_class=False):
        """None when the statement only defines things; else why not, for the report."""
        if isinstance(statement, (ast.Import, ast.ImportFrom, ast.Pass)):
            return None
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            return None  # a docstring or a bare literal
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for decorator in statement.decorator_list:
                if not self.decorator(decorator):
                    return f"decorator @{shown(ast.unparse(decorator))} runs code"
            if isinstance(statement, ast.ClassDef):
                if not all(self.reference(base) for base in statement.bases):
                    return f"class {statement.name} derives from something no taken cell defines"
                for inner in statement.body:
                    why = self.problem(inner, in_class=True)
                    if why is not None:
                        return why
                return None
            if not self.defaults_constant(statement.args):
                return f"a default value of {statement.name}() is computed, not a constant"
            return None
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names = [n for target in targets for n in ast.walk(target)]
            if not all(isinstance(n, (ast.Name, ast.Tuple, ast.List, ast.Store, ast.Starred)) for n in names):
                return f"{shown(ast.unparse(statement))} changes an object, not a name"
            if statement.value is None or self.constant(statement.value):
                return None
            return f"{shown(ast.unparse(statement))} {self.action(statement.value)}"
        if isinstance(statement, ast.Try):
            for block in [statement.body, statement.orelse, statement.finalbody, *(h.body for h in statement.handlers)]:
                for inner in block:
                    why = self.problem(inner, in_class)
                    if why is not None:
                        return why
            return None
        if isinstance(statement, ast.Expr):
            return f"{shown(ast.unparse(statement))} {self.action(statement.value)}"
        kinds = {
            ast.For: "a for loop runs", ast.AsyncFor: "a for loop runs", ast.While: "a while loop runs",
            ast.With: "a with block runs", ast.AsyncWith: "a with block runs", ast.If: "an if statement runs",
            ast.AugAssign: "an augmented assignment changes state", ast.Delete: "a del statement runs",
            ast.Assert: "an assert runs", ast.Raise: "a raise runs",
        }
        what = next((text for kind, text in kinds.items() if isinstance(statement, kind)), "a statement runs")
        return f"{what} ({shown(ast.unparse(statement).splitlines()[0])})"

    def action(self, value):
        """What evaluating an expression does, in words: loads data, trains, plots, runs code."""
        calls = [node for node in ast.walk(value) if isinstance(node, ast.Call)]
        for call in calls:
            func = call.func
            last = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            root = func
            while isinstance(root, ast.Attribute):
                root = root.value
            root_name = root.id if isinstance(root, ast.Name) else ""
            if LOADS.match(last):
                return "loads data"
            if last in TRAINS:
                return "trains a model"
            if root_name in PLOTS_ROOTS or last in PLOTS:
                return "plots"
            if last in SHOWS:
                return "shows output"
        if calls:
            return "runs code"
        missing = sorted({n.id for n in ast.walk(value) if isinstance(n, ast.Name) and not self.name_known(n.id)})
        if missing:
            return f"uses {', '.join(missing)}, which no taken cell defines"
        return "is computed, not a constant"


def defined_names(tree):
    names = set()
    for statement in tree.body:
        nodes = [statement]
        if isinstance(statement, ast.Try):
            nodes = [s for block in [statement.body, statement.orelse, statement.finalbody,
                                     *(h.body for h in statement.handlers)] for s in block]
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.name != "*":
                        names.add(alias.asname or alias.name.split(".")[0])
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def describe_taken(tree):
    kinds = []
    for statement in tree.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            kinds.append("imports")
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            kinds.append(f"def {statement.name}")
        elif isinstance(statement, ast.ClassDef):
            kinds.append(f"class {statement.name}")
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            kinds.append("constants")
        elif isinstance(statement, ast.Try):
            kinds.append("imports")
    unique = list(dict.fromkeys(kinds))
    return ", ".join(unique) if unique else "definitions"


def classify(path):
    """Every code cell with taken/left-out and why; the names taken cells define; the taken sources."""
    known = set()
    report, taken_sources, defined, left_defines = [], [], {}, {}
    for number, source, tags, cell_type in read_cells(path):
        if cell_type != "code":
            continue
        entry = {"cell": number, "firstLine": first_line(source), "tags": tags}
        report.append(entry)

        def leave(why):
            entry.update(taken=False, why=why)

        if SKIP_TAG in tags:
            leave(f"tagged {SKIP_TAG}")
            continue
        if not source.strip():
            leave("empty")
            continue
        tagged = TAKE_TAG in tags
        dropped = []
        try:
            tree = ast.parse(source)
            code = source
        except SyntaxError:
            try:
                code, dropped = strip_magics(source)
                tree = ast.parse(code)
            except ValueError as reason:
                if tagged:
                    raise NotebookError("tagged", f"{path}: cell {number} is tagged {TAKE_TAG}, but {reason}")
                leave(str(reason))
                continue
            except SyntaxError as error:
                why = f"does not parse as Python (line {error.lineno}: {error.msg})"
                if tagged:
                    raise NotebookError("tagged", f"{path}: cell {number} is tagged {TAKE_TAG}, but it {why}")
                leave(why)
                continue
        if dropped and all(isinstance(statement, ast.Pass) for statement in tree.body):
            leave(f"only shell lines and magics ({'; '.join(dropped)})")
            continue
        names = defined_names(tree)
        judge = Judge(known)
        problem = None
        if not tagged:
            for statement in tree.body:
                problem = judge.problem(statement)
                if problem is not None:
                    problem = f"line {statement.lineno}: {problem}"
                    break
        if problem is not None:
            leave(problem)
            for name in names:
                left_defines.setdefault(name, []).append(number)
            continue
        why = f"tagged {TAKE_TAG}" if tagged else describe_taken(tree)
        if dropped:
            why += f" (without {'; '.join(dropped)})"
        entry.update(taken=True, why=why)
        known |= names
        for name in names:
            defined[name] = number
        taken_sources.append((number, code))
    return report, taken_sources, defined, left_defines


def unresolved_names(function_name, taken_sources, defined):
    """Global names the function reads that no taken cell defines (they would raise NameError)."""
    top = function_name.split(".")[0]
    for number, code in reversed(taken_sources):
        if defined.get(top) != number:
            continue
        for node in ast.parse(code).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == top:
                stored = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
                stored |= {a.arg for n in ast.walk(node) if isinstance(n, ast.arguments)
                           for a in [*n.posonlyargs, *n.args, *n.kwonlyargs, n.vararg, n.kwarg] if a is not None}
                stored |= {n.name for n in ast.walk(node) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
                loads = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
                return sorted(n for n in loads - stored if n not in defined and not hasattr(builtins, n))
    return []


def write_module(target, notebook_path, taken_sources):
    label = os.path.basename(notebook_path)
    cells = [[f"{label} (cell {number})", code] for number, code in taken_sources]
    text = (
        f"# Built by twinrun from {notebook_path}: the code cells that only define things.\n"
        "import json as _twinrun_json\nimport linecache as _twinrun_linecache\n\n"
        f"for _twinrun_name, _twinrun_code in _twinrun_json.loads({json.dumps(json.dumps(cells))}):\n"
        "    _twinrun_linecache.cache[_twinrun_name] = (\n"
        "        len(_twinrun_code), None, _twinrun_code.splitlines(True), _twinrun_name)\n"
        '    exec(compile(_twinrun_code, _twinrun_name, "exec"), globals())\n'
        "del _twinrun_json, _twinrun_linecache, _twinrun_name, _twinrun_code\n"
    )
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    config = json.loads(sys.argv[1])
    path, function_name = config["notebook"], config["function"]
    try:
        report, taken_sources, defined, left_defines = classify(path)
    except NotebookError as error:
        return {"ok": False, "kind": error.kind, "message": str(error)}
    top = function_name.split(".")[0]
    if top not in defined:
        return {"ok": False, "kind": "function", "message": missing_function(path, top, report, defined, left_defines)}
    write_module(config["moduleFile"], path, taken_sources)
    return {
        "ok": True,
        "cells": report,
        "definedIn": defined[top],
        "unresolved": unresolved_names(function_name, taken_sources, defined),
    }


def missing_function(path, name, report, defined, left_defines):
    functions = sorted(n for n, cell in defined.items() if n[:1].isalpha())
    listed = ", ".join(functions) if functions else "nothing"
    message = f"{path}: {name} is not defined in any cell twinrun takes (the taken cells define: {listed})"
    by_cell = {entry["cell"]: entry for entry in report}
    for cell in left_defines.get(name, []):
        message += (
            f"\n  cell {cell} defines {name} but was left out: {by_cell[cell]['why']}; move the definition into a "
            f"cell of its own, or tag cell {cell} {TAKE_TAG} to run it whole"
        )
    return message


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main()) + "\n")
