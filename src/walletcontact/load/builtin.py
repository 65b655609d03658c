"""Reading the packaged data (through importlib-resources Traversables only, so zips work).

Kept apart from ``_load`` (custom layers, validation, paths) so the first query imports only what
reading trusted packaged data needs.
"""

from __future__ import annotations

from typing import Any

from ..catalog import BUILTIN, LOADER, Registry
from ..errors import DataError
from ..model import Provider
from .documents import parse_text, provider_dicts, structure_procedures, structure_provider


def _data_root() -> Any:
    import importlib_resources

    return importlib_resources.files("walletcontact.data")


def load_builtin() -> Registry:
    """The packaged data. Read through Traversables only, so it works from a zip too."""
    root = _data_root()
    entries = sorted(
        (e for e in (root / "providers").iterdir() if e.name.endswith(".json")),
        key=lambda e: e.name,
    )
    problems: list[str] = []
    provs: list[Provider] = []
    for entry in entries:
        origin = f"walletcontact/data/providers/{entry.name}"
        data = parse_text(entry.read_bytes(), origin, trusted=True)
        for path, raw in provider_dicts(data, origin):
            prov, errs = structure_provider(raw, origin, path)
            problems.extend(errs)
            if prov is not None:
                if prov.id != entry.name[: -len(".json")]:
                    problems.append(f"{origin}: {path}.id: id {prov.id!r} differs from the file name")
                provs.append(prov)
    proc_origin = "walletcontact/data/procedures.json"
    generic = structure_procedures(
        parse_text((root / "procedures.json").read_bytes(), proc_origin, trusted=True), proc_origin
    )
    if problems:
        raise DataError(problems)
    return Registry(provs, origins={p.id: BUILTIN for p in provs}, procedures=generic, _by=LOADER)


