"""A value made on first use, exactly once, even when many threads ask at the same moment."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """Double-checked lazy value: the factory runs once; later calls read it without locking."""

    __slots__ = ("_factory", "_lock", "_made", "_value")

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._made = False
        self._value: T | None = None

    def get(self) -> T:
        if not self._made:
            with self._lock:
                if not self._made:
                    self._value = self._factory()
                    self._made = True
        return self._value  # type: ignore[return-value]

    def reset(self) -> None:
        """Forget the value (for tests that change what the factory sees)."""
        with self._lock:
            self._made = False
            self._value = None
