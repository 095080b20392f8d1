"""Working out the figures of the periods going on now, ahead of the readers."""

from .figures import figures_for
from .periods import KINDS, current_period
from .report import history
from .scopes import all_scopes


def refresh(zones: list[str]) -> int:
    """Every place's current period of each kind, and the periods its charts go back over
    (kept for good once worked out, so only the first run pays for them); returns how
    many current periods were worked out."""
    count = 0
    for zone in zones:
        for scope in all_scopes():
            for kind in KINDS:
                period = current_period(kind, zone)
                figures_for(scope, period, recompute=True)
                history(scope, period)
                figures_for(scope, period.previous())
                count += 1
    return count
