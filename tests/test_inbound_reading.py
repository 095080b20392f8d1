"""Replies by mail read as people wrote them: each client's quote, signature and encoding."""

import email
import email.policy
from pathlib import Path

import pytest

from meetingpoint.inbound.html_text import html_to_markdown
from meetingpoint.inbound.quoting import strip_reply
from meetingpoint.inbound.reading import attached_files, reply_text

MAIL = Path(__file__).parent / "fixtures" / "mail"

ANSWERS = {
    "gmail_en": "Yes, I have two pairs of gloves, I'll bring them.\n\nSee you at 9!",
    "gmail_es": "Sí, tengo dos pares de guantes, los llevo.\n\n¡Nos vemos a las 9!",
    "gmail_fr": "Oui, j'ai deux paires de gants, je les apporte.\n\nÀ samedi, 9 h !",
    "gmail_pt": "Sim, tenho dois pares de luvas, eu levo.\n\nAté sábado às 9!",
    "outlook_en": "I can't come on Saturday, sorry.\nCould someone take my watering shift?"
    "\n\nThanks,\nAna",
    "outlook_es": "No puedo ir el sábado, lo siento.\n¿Alguien puede cubrir mi turno de riego?"
    "\n\nGracias,\nLucía",
    "outlook_fr": "Je ne pourrai pas venir samedi, désolée.\n"
    "Quelqu'un peut-il prendre mon tour d'arrosage ?\n\nMerci,\nÉlodie",
    "outlook_pt": "Não posso ir no sábado, desculpem.\n"
    "Alguém pode ficar com o meu turno de rega?\n\nObrigado,\nJoão",
    "apple_en": "I'll bring a wheelbarrow too.",
    "apple_es": "Yo llevo también una carretilla.",
    "apple_fr": "J'apporte aussi une brouette.",
    "apple_pt": "Eu levo também um carrinho de mão.",
    "thunderbird_en": "Good idea. I will bring seeds from last year's tomatoes, they grew really "
    "well in the corner by the shed.\n\nAna",
    "thunderbird_es": "Buena idea. Llevaré semillas de los tomates del año pasado, crecieron muy "
    "bien en el rincón junto al cobertizo.\n\nLucía",
    "thunderbird_fr": "Bonne idée. J'apporterai des graines des tomates de l'an dernier, elles ont "
    "très bien poussé dans le coin près de l'abri.\n\nÉlodie",
    "thunderbird_pt": "Boa ideia. Levo sementes dos tomates do ano passado, cresceram muito bem "
    "no canto ao pé do barracão.\n\nJoão",
}


def _message(name: str) -> email.message.EmailMessage:
    return email.message_from_bytes(
        (MAIL / f"{name}.eml").read_bytes(), policy=email.policy.default
    )


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_a_reply_from_each_client_in_each_language_is_what_the_person_wrote(name):
    assert reply_text(_message(name)) == ANSWERS[name]


@pytest.mark.parametrize("name", sorted(n for n in ANSWERS if not n.startswith("thunderbird")))
def test_the_html_part_alone_gives_the_same_answer(name):
    """The clients' HTML quotes are dropped too, for the mail that comes without plain text."""
    html = _message(name).get_body(preferencelist=("html",)).get_content()
    assert strip_reply(html_to_markdown(html)) == ANSWERS[name]


def test_the_plain_text_is_preferred_to_the_html():
    # Gmail writes the bold word as *compost* in the plain text, as **compost** in the HTML.
    assert reply_text(_message("alternative_plain_and_html")) == (
        "The *compost* bins are full, so please take your kitchen scraps home this week."
    )


def test_an_outlook_html_reply_becomes_markdown_without_the_quote():
    assert reply_text(_message("outlook_html_only")) == (
        "Thanks, I\u2019ll bring **two boxes** of tomatoes.\n\n"
        "The planting plan is on [the garden's page](https://meetingpoint.example.org/library/7)."
    )


def test_a_gmail_html_reply_keeps_its_list_and_loses_signature_and_quote():
    assert reply_text(_message("gmail_html_only")) == (
        "Two things for Saturday:\n\n"
        "- the gate code is now *4821*\n"
        "- bring water, the tap is broken\n\n"
        "See you there!"
    )


def test_format_flowed_lines_are_joined_also_with_delsp():
    assert reply_text(_message("flowed_delsp")) == (
        "We could also plant garlic this week, the soil is still warm enough for it to root "
        "before the frost.\n\nAna"
    )


def test_a_latin1_quoted_printable_reply_keeps_its_accents_and_euro_sign():
    assert reply_text(_message("latin1_quoted_printable")) == (
        "Perfecto, allí estaré a las 9.\nLlevo café para todos (unos 15 € en total).\n\n"
        "Un saludo,\nLucía"
    )


def test_the_signature_after_the_dash_dash_line_is_left_out():
    assert reply_text(_message("signature")) == (
        "Happy to help with the seedlings on Sunday morning."
    )


def test_sent_from_my_iphone_is_left_out():
    assert reply_text(_message("iphone_plain")) == "Count me in for Saturday \U0001f44d"


def test_a_bottom_posted_answer_is_kept_and_the_quote_above_it_dropped():
    assert reply_text(_message("bottom_posted")) == "Yes, the north gate. It opens at 8:45."


def test_the_attached_pdf_is_a_file_and_the_signature_logo_is_not():
    message = _message("attachment")
    [(name, content_type, data)] = attached_files(message)
    assert (name, content_type) == ("Plano huerto sábado.pdf", "application/pdf")
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    # Outlook's "[cid:image001.png@...]" stand-in for the logo is not part of the answer.
    assert reply_text(message) == "Aquí va el plano del huerto con los turnos.\n\nLucía"


def test_a_reply_without_attachments_has_no_files():
    assert attached_files(_message("gmail_en")) == []
    assert attached_files(_message("thunderbird_fr")) == []


ATTRIBUTIONS = [
    "On Tue, 1 Dec 2026 at 10:02, Ana Silva <ana@example.org> wrote:",
    "El mar, 1 dic 2026 a las 10:02, Ana Silva (<ana@example.org>) escribió:",
    "Le mar. 1 déc. 2026 à 10:02, Ana Silva <ana@example.org> a écrit :",
    "Em ter., 1 de dez. de 2026 às 10:02, Ana Silva <ana@example.org> escreveu:",
    "On 1 Dec 2026, at 10:02, Ana Silva <ana@example.org> wrote:",
    "El 1 dic 2026, a las 10:02, Ana Silva <ana@example.org> escribió:",
    "Le 1 déc. 2026 à 10:02, Ana Silva <ana@example.org> a écrit :",
    "Em 1 de dez. de 2026, à(s) 10:02, Ana Silva <ana@example.org> escreveu:",
    "On 01/12/2026 10:02, Ana Silva wrote:",
    "El 1/12/26 a las 10:02, Ana Silva escribió:",
    "Le 01/12/2026 à 10:02, Ana Silva a écrit :",
    "Em 01/12/2026 10:02, Ana Silva escreveu:",
]


@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_each_attribution_line_starts_the_quote(attribution):
    reply = f"My answer.\n\n{attribution}\n\n> Original\n> text\n"
    assert strip_reply(reply) == "My answer."


@pytest.mark.parametrize("attribution", ATTRIBUTIONS[:8])
def test_an_attribution_wrapped_over_two_lines_starts_the_quote(attribution):
    first, rest = attribution.split(" Ana Silva ")
    reply = f"My answer.\n\n{first} Ana Silva\n{rest}\n\nThe original, not quoted with >\n"
    assert strip_reply(reply) == "My answer."


@pytest.mark.parametrize(
    "header",
    [
        "From: Ana Silva <ana@example.org>\nSent: Tuesday, December 1, 2026 10:02 AM\n"
        "To: Meeting Point\nSubject: Garden",
        "De : Ana Silva <ana@example.org>\nEnvoyé : mardi 1 décembre 2026 10:02\n"
        "À : Meeting Point\nObjet : Jardin",
        "De: Ana Silva <ana@example.org>\nEnviado: martes, 1 de diciembre de 2026 10:02\n"
        "Para: Meeting Point\nAsunto: Huerto",
        "De: Ana Silva <ana@example.org>\nEnviada em: terça-feira, 1 de dezembro de 2026 10:02\n"
        "Para: Meeting Point\nAssunto: Horta",
        "-----Original Message-----\nFrom: Ana",
        "-----Mensaje original-----\nDe: Ana",
        "-----Message d'origine-----\nDe : Ana",
        "-----Mensagem original-----\nDe: Ana",
        "________________________________\nFrom: Ana <ana@example.org>\nDate: Tue\nTo: Us",
    ],
)
def test_outlook_headers_start_the_unquoted_original(header):
    reply = f"My answer.\r\n\r\n{header}\r\n\r\nThe original, not quoted with >\r\n"
    assert strip_reply(reply) == "My answer."


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Sent from my iPhone", "Enviado desde mi iPhone", "Envoyé de mon iPhone",
        "Enviado do meu iPhone", "Get Outlook for Android", "Obtener Outlook para Android",
        "Télécharger Outlook pour Android", "Obter o Outlook para Android",
        "Sent from my Galaxy", "Sent from Yahoo Mail for iPhone",
    ],
)  # fmt: skip
def test_mobile_boilerplate_at_the_end_is_left_out(boilerplate):
    assert strip_reply(f"See you there.\n\n{boilerplate}\n\n") == "See you there."


def test_sent_from_in_the_middle_of_the_answer_stays():
    reply = "Sent from the station: the parcel arrived.\nThanks!"
    assert strip_reply(reply) == reply


def test_a_reply_that_is_all_quote_is_empty():
    assert strip_reply("On 01/12/2026 10:02, Ana Silva wrote:\n> Original\n") == ""
    assert strip_reply("\n> Original\n>\n> text\n") == ""


def test_as_i_wrote_in_the_answer_does_not_cut_it():
    reply = "As I wrote:\nthe gate opens at 9."
    assert strip_reply(reply) == reply


def test_interleaved_answers_are_kept_and_quotes_dropped():
    reply = "> Gloves?\nI have two pairs.\n> Water?\nI'll bring some.\n"
    assert strip_reply(reply) == "I have two pairs.\nI'll bring some."


def test_more_than_one_blank_line_becomes_one():
    assert strip_reply("First.\n\n\n\nSecond.   \n\n\n") == "First.\n\nSecond."


def test_links_keep_their_address_only_when_safe():
    html = (
        '<p><a href="https://example.org/a">the page</a>, <a href="https://example.org/">'
        'https://example.org/</a>, <a href="mailto:ana@example.org">Ana</a>, '
        '<a href="javascript:alert(1)">click</a></p>'
    )
    assert html_to_markdown(html) == (
        "[the page](https://example.org/a), https://example.org/, "
        "[Ana](mailto:ana@example.org), click"
    )


def test_html_blocks_become_markdown_blocks():
    html = (
        "<html><head><title>x</title><style>p {color: red}</style></head><body>"
        "<h2>Plan   for\nSaturday</h2><p>We <strong>start</strong> at <em>nine</em>&nbsp;&amp; "
        "finish at noon.<br>Bring:</p><ol><li>gloves<li>water</ol>"
        "<blockquote><p>Be kind</p><p>Be on time</p></blockquote>"
        "<pre>\ncode  stays\n  as is</pre><p>Run <code>make</code> <img src='x.png' alt='(map)'>"
        "</p><script>alert(1)</script></body></html>"
    )
    assert html_to_markdown(html) == (
        "## Plan for Saturday\n\n"
        "We **start** at *nine* & finish at noon.\nBring:\n\n"
        "1. gloves\n2. water\n\n"
        "> Be kind\n>\n> Be on time\n\n"
        "```\ncode  stays\n  as is\n```\n\n"
        "Run `make` (map)"
    )


def test_thunderbird_html_loses_cite_prefix_quote_and_signature():
    html = (
        "<p>Yes, count me in.</p>"
        '<div class="moz-cite-prefix">On 01/12/2026 10:02, Meeting Point wrote:<br></div>'
        '<blockquote type="cite"><p>Who is coming?</p></blockquote>'
        '<div class="moz-signature">-- <br>Ana</div>'
    )
    assert html_to_markdown(html) == "Yes, count me in."


def test_hotmail_stop_spelling_rule_cuts_the_rest():
    html = '<div>Fine by me.</div><hr id="stopSpelling"><div>From: Meeting Point</div>'
    assert html_to_markdown(html) == "Fine by me."
