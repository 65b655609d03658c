"""Build hook: wheels carry the prebuilt registry (``walletcontact/_prebuilt.py``).

The module is made from exactly the JSON data going into the wheel, by the library's own loader
and converter, in a fresh interpreter (so this process imports nothing of the project). Editable
installs and source checkouts get no prebuilt module and read the JSON, so editing the data there
is never shadowed by a stale copy. See ``src/walletcontact/load/prebuilt.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "walletcontact/_prebuilt.py"


class PrebuiltRegistryHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._tmp = tempfile.mkdtemp(prefix="walletcontact-prebuilt-")
        out = os.path.join(self._tmp, "_prebuilt.py")
        # the source tree first on sys.path (PYTHONPATH would not do: pip's build environment
        # rewrites sys.path), so the loader that runs is the one going into the wheel
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from walletcontact.load.prebuilt import write; write(sys.argv[2])"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code, str(Path(self.root) / "src"), out],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(
                "walletcontact: could not make the prebuilt registry for the wheel "
                "(the build needs attrs, cattrs, phonenumbers and importlib-resources; "
                "see pyproject.toml [build-system]):\n" + proc.stderr
            )
        build_data["force_include"][out] = TARGET

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
