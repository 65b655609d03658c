"""An example walletcontact plugin: provider data shipped as package resources."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data() -> Traversable:
    """The folder of provider documents (read through Traversables, so zips work too)."""
    return files(__name__) / "data"
