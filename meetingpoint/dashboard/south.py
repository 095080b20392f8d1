"""Which countries count as the Global South, for the South-South figures.

The list we keep follows UNCTAD's classification of "developing economies" (UNCTADstat),
laid over our countries and the ILO regions: every country of Africa and of the Arab
States; the Americas except Northern America (Canada, the United States, Bermuda,
Greenland, Saint Pierre and Miquelon); Asia and the Pacific except Japan, the Republic of
Korea, Australia and New Zealand (with Australia's external territories); and Türkiye.
Europe and the "transition economies" of Central Asia and the Caucasus are not in it.
Change it here, in one place, with a reason in the commit."""

from ..geography import REGION_OF

_WHOLE_REGIONS = {"africa", "arab-states", "americas", "asia-pacific"}
_NOT_SOUTH = set("CA US BM GL PM JP KR AU NZ NF CX CC".split())
_ALSO_SOUTH = {"TR"}

GLOBAL_SOUTH = frozenset(
    code
    for code, region in REGION_OF.items()
    if (region in _WHOLE_REGIONS and code not in _NOT_SOUTH) or code in _ALSO_SOUTH
)


def is_south(country: str | None) -> bool:
    return country in GLOBAL_SOUTH
