"""The news a participant wrote, in their data export (it stays published after they go)."""

from sqlalchemy import select

from ..accounts.privacy import personal_data_exporter
from ..extensions import db
from .models import NewsItem


@personal_data_exporter("news")
def export_news(user) -> list[dict]:
    query = select(NewsItem).where(NewsItem.author_id == user.id).order_by(NewsItem.id)
    return [
        {
            "news": item.id,
            "written_at": item.created_at.isoformat(),
            "texts": {text.language: [text.title, text.body_source] for text in item.texts},
        }
        for item in db.session.scalars(query)
    ]
