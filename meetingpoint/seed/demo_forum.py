"""Demo discussions: real-sounding exchanges across languages, nested as people answer."""

from sqlalchemy import func, select

from ..accounts.models import User
from ..extensions import db
from ..forums import services as forums
from ..forums.access import opening_post
from ..forums.models import Topic
from ..rooms.models import Room
from ..rooms.services import is_member, join_room

# (room, author, language, title, body, replies); a reply is (author, language, body, replies).
DISCUSSIONS = [
    (
        "child-labour-modern-slavery",
        "Amina Diallo",
        "fr",
        "Inspection du travail dans les exploitations de cacao",
        "Nous avons formé **40 inspecteurs** à repérer le travail des enfants pendant la récolte. "
        "Comment organisez-vous les visites dans les zones isolées ?",
        [
            (
                "Hélène Koffi",
                "fr",
                "En Côte d'Ivoire, les coopératives signalent elles-mêmes les cas : "
                "cela marche quand les acheteurs paient une prime.",
                [("Amina Diallo", "fr", "Merci Hélène ! Qui vérifie les signalements ?", [])],
            ),
            (
                "Nadia Rahman",
                "en",
                "In Bangladesh we pair inspections with school enrolment drives. "
                "Happy to share our checklist.",
                [],
            ),
        ],
    ),
    (
        "social-solidarity-economy",
        "João Pereira",
        "pt",
        "Cooperativas de catadores e contratos com a prefeitura",
        "Em Belo Horizonte, as cooperativas de reciclagem têm agora contratos de serviço "
        "público. Alguém tem experiência parecida em África?",
        [
            (
                "Aïcha Traoré",
                "fr",
                "À Bamako, pas encore. Quels documents la mairie a-t-elle exigés ?",
                [
                    (
                        "João Pereira",
                        "pt",
                        "Estatuto, contas auditadas e um plano de segurança. "
                        "Posso enviar os modelos.",
                        [],
                    )
                ],
            ),
            (
                "Rosa Gutiérrez",
                "es",
                "En Puebla las cooperativas firmaron convenios parecidos. "
                "La clave fue el acompañamiento técnico del municipio.",
                [],
            ),
        ],
    ),
    (
        "labour-migration",
        "Omar Haddad",
        "en",
        "Work permits for refugees: what we learned",
        "Since 2016 Jordan has issued work permits to Syrian refugees in agriculture and "
        "construction. The **flexible permit** not tied to one employer made the difference.",
        [
            (
                "Siti Rahmawati",
                "en",
                "Did the flexible permit change recruitment fees?",
                [
                    (
                        "Omar Haddad",
                        "en",
                        "Yes: fees dropped once workers could change employer.",
                        [],
                    )
                ],
            ),
            ("Layla Mansour", "fr", "Les syndicats ont-ils pu organiser ces travailleurs ?", []),
        ],
    ),
    (
        "social-protection",
        "Lucía Fernández",
        "es",
        "Programas de empleo garantizado: diseño y costos",
        "Estamos comparando el programa argentino con el de India (MGNREGA). "
        "¿Qué porcentaje del PIB destinan ustedes?",
        [
            (
                "Priya Raman",
                "en",
                "MGNREGA costs around 0.5% of GDP in a typical year. Wage delays "
                "are the main complaint from workers.",
                [],
            ),
            (
                "Valentina Rojas",
                "es",
                "En Chile no tenemos un programa así, pero sí pensiones no "
                "contributivas. Me interesa el diseño de los salarios.",
                [],
            ),
        ],
    ),
    (
        "fragile-to-fragile",
        "Tomás Guterres",
        "pt",
        "Formação profissional depois do conflito",
        "Em Timor-Leste, os centros de formação foram reconstruídos com apoio do g7+. "
        "Que lições tiraram noutros países frágeis?",
        [
            (
                "Ahmed Yusuf",
                "en",
                "In Somalia we start with short courses linked to real jobs in "
                "construction. Long programmes lose people.",
                [],
            ),
            (
                "Pierre-Louis Jean",
                "fr",
                "En Haïti, la certification reconnue par les employeurs a tout changé.",
                [],
            ),
        ],
    ),
]


def load_demo_forum() -> int:
    """Open the demo discussions once; returns how many topics were created."""
    if db.session.scalar(select(func.count()).select_from(Topic)):
        return 0
    people = {u.display_name: u for u in db.session.scalars(select(User))}
    rooms = {r.slug: r for r in db.session.scalars(select(Room))}
    created = 0
    for slug, author, language, title, body, replies in DISCUSSIONS:
        if slug not in rooms or author not in people:
            continue
        _join(people[author], rooms[slug])
        topic = forums.create_topic(
            people[author], rooms[slug], title, forums.PostDraft(body, language)
        )
        _answer(topic, opening_post(topic), replies, people, rooms[slug])
        created += 1
    return created


def _answer(topic, parent, replies, people, room) -> None:
    for author, language, body, children in replies:
        if author not in people:
            continue
        _join(people[author], room)
        post = forums.reply(people[author], topic, parent, forums.PostDraft(body, language))
        _answer(topic, post, children, people, room)


def _join(user, room) -> None:
    if not is_member(user, room):
        join_room(user, room)
