"""Where each participant stands (their checklist), and the facilitators' view of everyone."""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..extensions import db
from ..geography import REGION_OF
from .models import (
    PARTICIPANT,
    Academy,
    Enrolment,
    Introduction,
    Module,
    ModuleVisit,
    SurveyCompletion,
)


def record_visit(user, module: Module) -> None:
    """Tick the module for an enrolled reader, once."""
    if not user.is_authenticated:
        return
    if db.session.get(Enrolment, (module.academy_id, user.id)) is None:
        return
    if db.session.get(ModuleVisit, (module.id, user.id)) is not None:
        return
    db.session.add(ModuleVisit(module_id=module.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # two tabs at once
        db.session.rollback()


def checklist(user, academy: Academy) -> dict:
    visited = set(
        db.session.scalars(
            select(ModuleVisit.module_id)
            .join(Module, Module.id == ModuleVisit.module_id)
            .where(ModuleVisit.user_id == user.id, Module.academy_id == academy.id)
        )
    )
    from .discussions.topics import contributed_modules  # discussions build on the forums

    wrote = contributed_modules(user, academy)
    return {
        "introduced": db.session.get(Introduction, (academy.id, user.id)) is not None,
        "answered": db.session.get(SurveyCompletion, (academy.id, user.id)) is not None,
        "modules": [
            (module, module.id in visited, module.id in wrote) for module in academy.modules
        ],
    }


def participation(academy: Academy) -> list[dict]:
    """One row per person enrolled: who, where from, and what they have done (4 queries)."""
    rows = db.session.execute(
        select(User, Enrolment.role)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.academy_id == academy.id, User.deleted_at.is_(None))
        .order_by(User.display_name)
    ).all()
    introduced = set(
        db.session.scalars(
            select(Introduction.user_id).where(Introduction.academy_id == academy.id)
        )
    )
    answered = set(
        db.session.scalars(
            select(SurveyCompletion.user_id).where(SurveyCompletion.academy_id == academy.id)
        )
    )
    visits = dict(
        db.session.execute(
            select(ModuleVisit.user_id, func.count())
            .join(Module, Module.id == ModuleVisit.module_id)
            .where(Module.academy_id == academy.id)
            .group_by(ModuleVisit.user_id)
        ).all()
    )
    return [
        {
            "user": user,
            "role": role,
            "region": REGION_OF.get(user.country or "", ""),
            "introduced": user.id in introduced,
            "answered": user.id in answered,
            "modules_visited": visits.get(user.id, 0),
        }
        for user, role in rows
    ]


def tally(rows: list[dict], key) -> list[tuple[str, int]]:
    """Participants counted by `key(row)`, largest first."""
    counts: dict[str, int] = {}
    for row in rows:
        if row["role"] == PARTICIPANT:
            value = key(row) or ""
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
