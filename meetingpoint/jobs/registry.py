"""Every job by name: features declare theirs with `@job`, so a worker finds them by name."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    """A function run later with JSON arguments (ids, not objects). `key`, given the same
    arguments, names the one run that counts: a second run of a key already done does
    nothing (see running.py)."""

    name: str
    fn: Callable
    key: Callable[..., str] | None = None

    def __call__(self, *args):
        return self.fn(*args)


_jobs: dict[str, Job] = {}


def job(name: str, key: Callable[..., str] | None = None) -> Callable[[Callable], Job]:
    """Decorator: declare `fn` as the job `name` (unique), run once per `key(*args)`."""

    def register(fn: Callable) -> Job:
        if name in _jobs and _jobs[name].fn is not fn:
            raise ValueError(f"Two jobs are named {name!r}")
        _jobs[name] = Job(name, fn, key)
        return _jobs[name]

    return register


def named(name: str) -> Job:
    return _jobs[name]


def known(name: str) -> bool:
    return name in _jobs
