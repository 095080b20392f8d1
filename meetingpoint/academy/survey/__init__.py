"""The questionnaire on views, concerns and needs: its tables, answers, editing, pages."""

from .answering import questions_of  # noqa: F401  (the tests' fixtures import it from here)
