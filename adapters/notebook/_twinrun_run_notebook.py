"""twinrun's notebook runner: one dataset-mode run of a whole notebook through a Jupyter kernel.

Started by adapters/notebook/ as `python _twinrun_run_notebook.py <config.json> <input> <output>`
with the component's interpreter. Papermill's convention: the first cell tagged `parameters` is
followed by an injected cell that sets the input and output paths; then every cell runs, in
order, in a kernel of this same interpreter (or the named kernel). What happened is written as
JSON to the config's statusFile; the exit status is 0 only when every cell ran.
"""

import importlib.util
import json
import os
import re
import sys
import tempfile

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
TRACEBACK_LINES = 12
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
NEEDED = ("nbformat", "nbclient", "ipykernel")


def finish(config, status, exit_code):
    with open(config["statusFile"], "w", encoding="utf-8") as handle:
        json.dump(status, handle)
    sys.exit(exit_code)


def read_notebook(config, nbformat):
    path = config["notebook"]
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError:
        finish(config, {"status": "invalid", "message": f"{path}: no such notebook file"}, 2)
    except Exception as error:  # nbformat raises several kinds for unreadable notebooks
        message = f"{path}: not a Jupyter notebook nbformat can read: {type(error).__name__}: {error}"
        finish(config, {"status": "invalid", "message": message}, 2)


def inject_parameters(config, notebook, nbformat, input_path, output_path):
    """Returns the position (0-based) of the injected cell; the original cells keep their numbers."""
    notebook.cells = [cell for cell in notebook.cells if INJECTED_TAG not in cell.metadata.get("tags", [])]
    tagged = [i for i, cell in enumerate(notebook.cells) if PARAMETERS_TAG in cell.metadata.get("tags", [])]
    names = config["parameters"]
    if not tagged:
        message = (
            f"{config['notebook']}: no cell is tagged {PARAMETERS_TAG}: tag the cell that sets "
            f"{names['input']} and {names['output']} (in Jupyter: View → Cell toolbar → Tags), as for Papermill"
        )
        finish(config, {"status": "invalid", "message": message}, 2)
    source = f"# Parameters\n{names['input']} = {input_path!r}\n{names['output']} = {output_path!r}\n"
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    if notebook.nbformat_minor < 5:
        cell.pop("id", None)
    position = tagged[0] + 1
    notebook.cells.insert(position, cell)
    return position


def kernel_manager(config, folder):
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    if config.get("kernel"):
        return KernelManager(kernel_name=config["kernel"])
    kernel_dir = os.path.join(folder, "kernels", "twinrun-python")
    os.makedirs(kernel_dir)
    launcher = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_twinrun_kernel.py")
    spec = {
        "argv": [sys.executable, "-Xfrozen_modules=off", launcher, "-f", "{connection_file}"],
        "display_name": f"Python ({sys.executable})",
        "language": "python",
    }
    with open(os.path.join(kernel_dir, "kernel.json"), "w", encoding="utf-8") as handle:
        json.dump(spec, handle)
    specs = KernelSpecManager(kernel_dirs=[os.path.join(folder, "kernels")], ensure_native_kernel=False)
    return KernelManager(kernel_name="twinrun-python", kernel_spec_manager=specs)


def failed_cell(notebook, injected):
    """The original number (1-based, every cell counted) and error output of the cell that raised."""
    for position, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                if position == injected:
                    return "the injected parameters cell", output
                number = position + 1 - (1 if position > injected else 0)
                return f"cell {number}", output
    return None, None


def main():
    config_path, input_path, output_path = sys.argv[1:4]
    with open(config_path, encoding="utf-8") as handle:
        config = json.load(handle)
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        finish(config, {"status": "missing", "modules": missing, "python": sys.executable}, 3)
    import nbclient
    import nbformat
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    notebook = read_notebook(config, nbformat)
    injected = inject_parameters(config, notebook, nbformat, input_path, output_path)
    with tempfile.TemporaryDirectory(prefix="twinrun-kernel-") as folder:
        try:
            manager = kernel_manager(config, folder)
            client = nbclient.NotebookClient(
                notebook, km=manager, timeout=None, allow_errors=False,
                resources={"metadata": {"path": config["cwd"]}},
            )
            client.execute()
        except NoSuchKernel:
            from jupyter_client.kernelspec import KernelSpecManager

            available = sorted(KernelSpecManager().find_kernel_specs())
            finish(config, {"status": "no-kernel", "kernel": config.get("kernel"), "available": available}, 3)
        except CellExecutionError as error:
            where, output = failed_cell(notebook, injected)
            lines = ANSI.sub("", "\n".join(output.get("traceback", []) if output else [str(error)])).rstrip()
            status = {
                "status": "cell-error",
                "cell": where or "a cell",
                "errorType": output.get("ename", "") if output else "",
                "message": output.get("evalue", "") if output else str(error),
                "traceback": "\n".join(lines.splitlines()[-TRACEBACK_LINES:]),
            }
            finish(config, status, 1)
        except DeadKernelError as error:
            finish(config, {"status": "kernel-died", "message": str(error)}, 1)
    finish(config, {"status": "ok"}, 0)


if __name__ == "__main__":
    main()
