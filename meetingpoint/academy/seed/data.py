"""The example Academy every Meeting Point starts with: the first ILO Academy on South-South
and triangular cooperation (Turin, July 2016), its ten modules retold in our own words.

Content data, not gettext: each text exists in the four languages and staff may edit it.
The ten modules are in the seed_modules package.
"""

ACADEMY = {
    "slug": "sstc-2016",
    "venue": "ILO International Training Centre",
    "city": "Turin",
    "country": "IT",
    "time_zone": "Europe/Rome",
    "starts_on": "2016-07-11",
    "ends_on": "2016-07-15",
    "prelearning_opens_at": "2016-06-13T08:00:00+02:00",
    "prelearning_closes_at": "2016-07-10T23:59:00+02:00",
    "follow_up_ends_on": "2016-12-31",
    "en": (
        "1st Academy on South-South and Triangular Cooperation",
        "A week in Turin for officials, workers' and employers' organisations, UN staff and "
        "researchers from the South to compare how they cooperate for decent work, and to "
        "leave with partners. Online, beforehand, each module sets out its basics and asks "
        "a few questions, so the days in person start from what participants already know.",
    ),
    "es": (
        "1.ª Academia sobre Cooperación Sur-Sur y Triangular",
        "Una semana en Turín para funcionarios, organizaciones de trabajadores y de "
        "empleadores, personal de la ONU e investigadores del Sur: comparar cómo cooperan por "
        "el trabajo decente y volver con socios. Antes, en línea, cada módulo presenta lo "
        "esencial y plantea algunas preguntas, para que los días presenciales partan de lo "
        "que los participantes ya saben.",
    ),
    "fr": (
        "1re Académie sur la coopération Sud-Sud et triangulaire",
        "Une semaine à Turin pour des fonctionnaires, des organisations de travailleurs et "
        "d'employeurs, du personnel des Nations Unies et des chercheurs du Sud : comparer "
        "leurs façons de coopérer pour le travail décent et repartir avec des partenaires. "
        "En ligne, au préalable, chaque module pose les bases et quelques questions, pour "
        "que les journées sur place partent de ce que les participants savent déjà.",
    ),
    "pt": (
        "1.ª Academia sobre Cooperação Sul-Sul e Triangular",
        "Uma semana em Turim para funcionários públicos, organizações de trabalhadores e de "
        "empregadores, pessoal da ONU e investigadores do Sul: comparar como cooperam pelo "
        "trabalho digno e regressar com parceiros. Antes, em linha, cada módulo apresenta o "
        "essencial e levanta algumas perguntas, para que os dias presenciais partam do que "
        "os participantes já sabem.",
    ),
}

# The programme in Turin: an opening, two modules a day, a closing (venue time).
OPENING = {
    "en": "Opening: why South-South cooperation for decent work",
    "es": "Apertura: por qué la cooperación Sur-Sur para el trabajo decente",
    "fr": "Ouverture : pourquoi la coopération Sud-Sud pour le travail décent",
    "pt": "Abertura: porquê a cooperação Sul-Sul para o trabalho digno",
}
CLOSING = {
    "en": "Closing: what each of us takes home, and with whom",
    "es": "Clausura: qué se lleva cada uno y con quién",
    "fr": "Clôture : ce que chacun emporte, et avec qui",
    "pt": "Encerramento: o que cada um leva para casa, e com quem",
}
OPENING_HOURS = ("09:00", "10:00")
MODULE_SLOTS = (("10:30", "12:30"), ("14:00", "16:00"))
CLOSING_HOURS = ("16:30", "17:30")

# The views, concerns and needs questionnaire: kind, per language (prompt, [options]).
SURVEY = [
    (
        "single",
        {
            "en": ("How much have you taken part in South-South cooperation?",
                   ["Not yet", "In one exchange or project", "I have led exchanges"]),
            "es": ("¿Cuánto ha participado en la cooperación Sur-Sur?",
                   ["Todavía no", "En un intercambio o proyecto", "He dirigido intercambios"]),
            "fr": ("Dans quelle mesure avez-vous pris part à la coopération Sud-Sud ?",
                   ["Pas encore", "Dans un échange ou un projet", "J'ai dirigé des échanges"]),
            "pt": ("Em que medida participou na cooperação Sul-Sul?",
                   ["Ainda não", "Num intercâmbio ou projeto", "Já liderei intercâmbios"]),
        },
    ),
    (
        "multiple",
        {
            "en": ("What do you most need from this Academy?",
                   ["Contacts in other countries", "Practical tools", "Knowing where funding "
                    "comes from", "Ideas for policy at home"]),
            "es": ("¿Qué necesita sobre todo de esta Academia?",
                   ["Contactos en otros países", "Herramientas prácticas", "Saber de dónde "
                    "viene la financiación", "Ideas para las políticas de mi país"]),
            "fr": ("De quoi avez-vous le plus besoin dans cette Académie ?",
                   ["Des contacts dans d'autres pays", "Des outils pratiques", "Savoir d'où "
                    "vient le financement", "Des idées pour les politiques chez moi"]),
            "pt": ("Do que mais precisa nesta Academia?",
                   ["Contactos noutros países", "Ferramentas práticas", "Saber de onde vem o "
                    "financiamento", "Ideias para as políticas no meu país"]),
        },
    ),
    (
        "text",
        {
            "en": ("What worries you about cooperating across borders?", []),
            "es": ("¿Qué le preocupa de cooperar más allá de las fronteras?", []),
            "fr": ("Qu'est-ce qui vous inquiète dans la coopération par-delà les frontières ?", []),
            "pt": ("O que o preocupa em cooperar para além das fronteiras?", []),
        },
    ),
    (
        "text",
        {
            "en": ("Which question would you like the days in Turin to answer?", []),
            "es": ("¿A qué pregunta le gustaría que respondieran los días en Turín?", []),
            "fr": ("À quelle question aimeriez-vous que les journées à Turin répondent ?", []),
            "pt": ("A que pergunta gostaria que os dias em Turim respondessem?", []),
        },
    ),
]  # fmt: skip
