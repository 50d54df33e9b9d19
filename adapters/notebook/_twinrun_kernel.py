"""twinrun's Jupyter kernel: ipykernel, run by the component's interpreter, that ends with its runner.

jupyter_client starts a kernel in a session of its own, so killing the runner's process group
(a timeout, Ctrl-C) would not reach it. This launcher watches its parent and exits as soon as
the runner is gone, so no kernel outlives a twinrun run.
"""

import os
import sys
import threading
import time

POLL_SECONDS = 0.2


def watch_parent(parent):
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    # The notebook's code must not see this folder on sys.path.
    del sys.path[0]
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
