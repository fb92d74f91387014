"""A small progress bar for the demo command, redrawn in place on a terminal."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

BAR_WIDTH = 24


class Stage:
    def __init__(self, progress: "Progress", label: str, total: int) -> None:
        self.progress = progress
        self.label = label
        self.total = total
        self.done = 0
        self.created = 0

    def advance(self, count: int = 1, *, created: int = 0) -> None:
        self.done = min(self.total, self.done + count)
        self.created += created
        if self.progress.live:
            self.progress.write("\r" + self.render(), ending="")

    def render(self) -> str:
        filled = BAR_WIDTH if self.total == 0 else BAR_WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"  {self.label:<14} [{bar}] {self.done:>4}/{self.total:<4}"

    def finish(self) -> None:
        self.done = self.total
        if self.created:
            note = f"{self.created} new"
        else:
            note = "already there" if self.total else "nothing to do"
        self.progress.write(("\r" if self.progress.live else "") + f"{self.render()} {note}")


class Progress:
    """Writes one line per stage; on a terminal the line grows as the stage runs."""

    def __init__(self, write: Callable[..., None] | None = None, *, live: bool = False) -> None:
        self._write = write
        self.live = live and write is not None

    def write(self, message: str, ending: str = "\n") -> None:
        if self._write is not None:
            self._write(message, ending=ending)

    @contextmanager
    def stage(self, label: str, total: int) -> Iterator[Stage]:
        stage = Stage(self, label, total)
        yield stage
        stage.finish()
