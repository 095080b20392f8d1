"""The ten modules of the example Academy, retold in our own words in four languages.

A module's entry: slug, rooms, then per language (title, basic principles, key questions).
The entries live in one sibling module per theme; MODULES keeps the Academy's running order.
"""

from .cooperation import (
    CITY_TO_CITY,
    FRAGILE_TO_FRAGILE,
    PUBLIC_PRIVATE_PARTNERSHIPS,
    SOUTH_SOUTH_SDGS,
    VIRTUAL_SPACES,
)
from .decent_work import (
    CHILD_LABOUR,
    GREEN_JOBS,
    LABOUR_MIGRATION,
    SOCIAL_DIALOGUE,
    SOCIAL_PROTECTION,
)

MODULES = [
    SOUTH_SOUTH_SDGS,
    CHILD_LABOUR,
    GREEN_JOBS,
    CITY_TO_CITY,
    SOCIAL_PROTECTION,
    FRAGILE_TO_FRAGILE,
    SOCIAL_DIALOGUE,
    LABOUR_MIGRATION,
    PUBLIC_PRIVATE_PARTNERSHIPS,
    VIRTUAL_SPACES,
]
