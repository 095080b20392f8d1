"""Telling a text's language from the text: real sentences from our four languages, texts
too short to tell, mixed texts, and texts in languages that are not ours."""

import pytest

from meetingpoint.languages import UNDETERMINED
from meetingpoint.languages.detection import detect

SENTENCES = {
    "en": [
        "In Ghana the tripartite committee meets monthly.",
        "We should discuss social protection floors for informal workers in the next session.",
        "I agree with you.",
        "Our union trained forty shop stewards on occupational safety last year.",
    ],
    "es": [
        "En Bolivia los repartidores formaron una asociación con el apoyo de la central obrera.",
        "Vi el informe sobre empleo verde y me pareció muy útil para nuestro ministerio.",
        "Estoy de acuerdo con usted.",
        "¿Cómo funcionan los consejos tripartitos en su país?",
    ],
    "fr": [
        "Nous avons formé quarante inspecteurs à repérer le travail des enfants.",
        "Les travailleurs migrants doivent pouvoir transférer leurs droits à la sécurité sociale.",
        "Je suis d'accord avec vous.",
        "Bonjour à tous, la réunion tripartite commence à 14 h.",
    ],
    "pt": [
        "Em Moçambique a comissão consultiva do trabalho reúne-se também nas províncias.",
        "O sindicato dos trabalhadores rurais apresentou uma proposta sobre o salário mínimo.",
        "Concordo plenamente com a proposta.",
        "As cooperativas de catadores criaram mais de mil empregos verdes em Belo Horizonte.",
    ],
}


@pytest.mark.parametrize(
    "language, sentence",
    [(language, sentence) for language, texts in SENTENCES.items() for sentence in texts],
)
def test_real_sentences_are_recognised(language, sentence):
    assert detect(sentence) == language


@pytest.mark.parametrize("text", ["ok", "Ok!", "Obrigado", "Gracias", "Merci", "👍", "", "   "])
def test_short_texts_are_left_undetermined(text):
    assert detect(text) == UNDETERMINED


def test_mixed_texts_go_to_the_language_that_carries_them_or_to_none():
    # Mostly French with an English greeting: French.
    assert detect("Hello everyone, je voudrais savoir comment ça marche chez vous.") == "fr"
    # Evenly mixed: the detector is unsure, and says so.
    assert detect("Thank you! Merci ! ¡Gracias! Obrigado! Thanks again, merci.") == UNDETERMINED
    four_ways = "The meeting is tomorrow. La reunión es mañana. La réunion est demain."
    assert detect(four_ways + " A reunião é amanhã.") == UNDETERMINED


@pytest.mark.parametrize(
    "text",
    [
        "Die Arbeitsinspektion in Deutschland ist Ländersache.",
        "Il dialogo sociale in Italia è molto importante per i sindacati.",
        "مرحبا بكم في منتدى الحوار الاجتماعي",
        "Ninapenda mazungumzo haya ya kijamii kuhusu ajira.",
        "Социальный диалог очень важен для работников.",
        "社会对话对工人非常重要。",
    ],
)
def test_other_languages_are_not_forced_into_ours(text):
    assert detect(text) == UNDETERMINED


def test_names_links_code_and_quotes_do_not_count_as_words():
    assert detect("@**Amina Diallo** https://www.ilo.org/global/topics/lang--en thanks") == (
        UNDETERMINED
    )
    quoted = "> We should discuss social protection floors for informal workers.\n\nDe acuerdo."
    assert detect(quoted) == UNDETERMINED  # her own words are too few to tell
