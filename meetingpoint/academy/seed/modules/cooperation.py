"""The Academy's modules on forms of South-South and triangular cooperation."""

SOUTH_SOUTH_SDGS = {
    "slug": "south-south-sdgs",
    "rooms": ["south-south-sdgs"],
    "en": (
        "South-South cooperation and the Sustainable Development Goals",
        "Cooperation among countries of the South rests on equality, mutual benefit and "
        "national ownership; a triangular partner adds funds or know-how without taking "
        "the lead. The 2030 Agenda makes decent work a goal of its own and partnership "
        "the way to reach all the others.",
        [
            "Which experience from your country could another country of the South use, "
            "and what would it need to adapt?",
            "What makes a South-South partnership last beyond a single project?",
        ],
    ),
    "es": (
        "La cooperación Sur-Sur y los Objetivos de Desarrollo Sostenible",
        "La cooperación entre países del Sur se basa en la igualdad, el beneficio mutuo y "
        "la apropiación nacional; un socio triangular aporta fondos o conocimientos sin "
        "tomar la dirección. La Agenda 2030 hace del trabajo decente un objetivo propio y "
        "de las alianzas el camino para alcanzar todos los demás.",
        [
            "¿Qué experiencia de su país podría aprovechar otro país del Sur y qué habría "
            "que adaptar?",
            "¿Qué hace que una alianza Sur-Sur dure más allá de un solo proyecto?",
        ],
    ),
    "fr": (
        "La coopération Sud-Sud et les objectifs de développement durable",
        "La coopération entre pays du Sud repose sur l'égalité, le bénéfice mutuel et "
        "l'appropriation nationale ; un partenaire triangulaire apporte des fonds ou un "
        "savoir-faire sans prendre la direction. Le Programme 2030 fait du travail décent "
        "un objectif à part entière et du partenariat le moyen d'atteindre tous les autres.",
        [
            "Quelle expérience de votre pays un autre pays du Sud pourrait-il reprendre, "
            "et que faudrait-il adapter ?",
            "Qu'est-ce qui fait durer un partenariat Sud-Sud au-delà d'un seul projet ?",
        ],
    ),
    "pt": (
        "A cooperação Sul-Sul e os Objetivos de Desenvolvimento Sustentável",
        "A cooperação entre países do Sul assenta na igualdade, no benefício mútuo e na "
        "apropriação nacional; um parceiro triangular contribui com fundos ou saber sem "
        "assumir a liderança. A Agenda 2030 faz do trabalho digno um objetivo próprio e "
        "das parcerias o caminho para alcançar todos os outros.",
        [
            "Que experiência do seu país poderia ser aproveitada por outro país do Sul, e "
            "o que seria preciso adaptar?",
            "O que faz uma parceria Sul-Sul durar para além de um único projeto?",
        ],
    ),
}

CITY_TO_CITY = {
    "slug": "city-to-city",
    "rooms": ["city-to-city", "social-solidarity-economy"],
    "en": (
        "City-to-city cooperation, the social and solidarity economy and local development",
        "Cities of the South share problems (informal work, waste, housing) and can share "
        "solutions directly, mayor to mayor and cooperative to cooperative. The social and "
        "solidarity economy puts people before profit and often reaches those markets "
        "leave out.",
        [
            "Which partnership between cities have you seen work, and what did each side gain?",
            "How does the social and solidarity economy create decent work where you are?",
        ],
    ),
    "es": (
        "Cooperación entre ciudades, economía social y solidaria y desarrollo local",
        "Las ciudades del Sur comparten problemas (trabajo informal, residuos, vivienda) y "
        "pueden compartir soluciones directamente, de alcaldía a alcaldía y de cooperativa "
        "a cooperativa. La economía social y solidaria antepone las personas al lucro y a "
        "menudo llega a quienes el mercado deja fuera.",
        [
            "¿Qué alianza entre ciudades ha visto funcionar y qué ganó cada parte?",
            "¿Cómo crea trabajo decente la economía social y solidaria donde usted está?",
        ],
    ),
    "fr": (
        "Coopération entre villes, économie sociale et solidaire et développement local",
        "Les villes du Sud partagent des problèmes (travail informel, déchets, logement) et "
        "peuvent partager des solutions directement, de mairie à mairie et de coopérative à "
        "coopérative. L'économie sociale et solidaire place les personnes avant le profit "
        "et atteint souvent ceux que le marché laisse de côté.",
        [
            "Quel partenariat entre villes avez-vous vu réussir, et qu'y a gagné chaque partie ?",
            "Comment l'économie sociale et solidaire crée-t-elle du travail décent chez vous ?",
        ],
    ),
    "pt": (
        "Cooperação entre cidades, economia social e solidária e desenvolvimento local",
        "As cidades do Sul partilham problemas (trabalho informal, resíduos, habitação) e "
        "podem partilhar soluções diretamente, de câmara a câmara e de cooperativa a "
        "cooperativa. A economia social e solidária põe as pessoas à frente do lucro e "
        "chega muitas vezes a quem o mercado deixa de fora.",
        [
            "Que parceria entre cidades viu resultar, e o que ganhou cada lado?",
            "Como cria a economia social e solidária trabalho digno onde está?",
        ],
    ),
}

FRAGILE_TO_FRAGILE = {
    "slug": "fragile-to-fragile",
    "rooms": ["fragile-to-fragile"],
    "en": (
        "Fragile-to-fragile cooperation",
        "Countries coming out of conflict or disaster understand each other's situation "
        "best. Sharing how they rebuilt institutions and created jobs quickly, especially "
        "for young people, can help a neighbour avoid mistakes and gain time.",
        [
            "What did your country learn about creating jobs after a crisis?",
            "What can one fragile country offer another that richer partners cannot?",
        ],
    ),
    "es": (
        "Cooperación entre países frágiles",
        "Los países que salen de un conflicto o de un desastre son los que mejor entienden "
        "la situación de otros en el mismo caso. Compartir cómo reconstruyeron "
        "instituciones y crearon empleo rápido, sobre todo para los jóvenes, puede ayudar a "
        "un vecino a evitar errores y ganar tiempo.",
        [
            "¿Qué aprendió su país sobre la creación de empleo después de una crisis?",
            "¿Qué puede ofrecer un país frágil a otro que los socios más ricos no pueden?",
        ],
    ),
    "fr": (
        "Coopération entre pays fragiles",
        "Les pays qui sortent d'un conflit ou d'une catastrophe sont ceux qui comprennent "
        "le mieux la situation des autres. Partager comment ils ont reconstruit leurs "
        "institutions et créé vite des emplois, surtout pour les jeunes, peut aider un "
        "voisin à éviter des erreurs et à gagner du temps.",
        [
            "Qu'a appris votre pays sur la création d'emplois après une crise ?",
            "Que peut offrir un pays fragile à un autre que des partenaires plus riches ne "
            "peuvent pas offrir ?",
        ],
    ),
    "pt": (
        "Cooperação entre países frágeis",
        "Os países que saem de um conflito ou de uma catástrofe são os que melhor "
        "compreendem a situação de outros no mesmo caso. Partilhar como reconstruíram "
        "instituições e criaram emprego depressa, sobretudo para os jovens, pode ajudar um "
        "vizinho a evitar erros e a ganhar tempo.",
        [
            "O que aprendeu o seu país sobre criar emprego depois de uma crise?",
            "O que pode um país frágil oferecer a outro que parceiros mais ricos não podem?",
        ],
    ),
}

PUBLIC_PRIVATE_PARTNERSHIPS = {
    "slug": "public-private-partnerships",
    "rooms": ["public-private-partnerships"],
    "en": (
        "South-South cooperation and public-private partnerships",
        "Companies from the South invest more and more in other countries of the South. "
        "Partnerships with governments and unions can make that investment create decent "
        "jobs and skills locally, if everyone agrees the rules from the start.",
        [
            "What should a company investing in your country commit to on jobs and skills?",
            "Which partnership with a private company taught you the most, good or bad?",
        ],
    ),
    "es": (
        "Cooperación Sur-Sur y alianzas público-privadas",
        "Las empresas del Sur invierten cada vez más en otros países del Sur. Las alianzas "
        "con gobiernos y sindicatos pueden hacer que esa inversión cree empleo decente y "
        "competencias en el lugar, si todos acuerdan las reglas desde el principio.",
        [
            "¿A qué debería comprometerse en empleo y formación una empresa que invierte en "
            "su país?",
            "¿Qué alianza con una empresa privada le enseñó más, para bien o para mal?",
        ],
    ),
    "fr": (
        "Coopération Sud-Sud et partenariats public-privé",
        "Les entreprises du Sud investissent de plus en plus dans d'autres pays du Sud. Des "
        "partenariats avec les gouvernements et les syndicats peuvent faire que cet "
        "investissement crée sur place des emplois décents et des compétences, si chacun "
        "s'accorde sur les règles dès le départ.",
        [
            "À quoi une entreprise qui investit dans votre pays devrait-elle s'engager en "
            "matière d'emploi et de compétences ?",
            "Quel partenariat avec une entreprise privée vous a le plus appris, en bien ou "
            "en mal ?",
        ],
    ),
    "pt": (
        "Cooperação Sul-Sul e parcerias público-privadas",
        "As empresas do Sul investem cada vez mais noutros países do Sul. Parcerias com "
        "governos e sindicatos podem fazer com que esse investimento crie emprego digno e "
        "competências no local, se todos acordarem as regras desde o início.",
        [
            "Com que se deveria comprometer, em emprego e formação, uma empresa que "
            "investe no seu país?",
            "Que parceria com uma empresa privada mais lhe ensinou, pelo bem ou pelo mal?",
        ],
    ),
}

VIRTUAL_SPACES = {
    "slug": "virtual-spaces",
    "rooms": ["south-south-sdgs"],
    "en": (
        "Virtual spaces for South-South and triangular cooperation",
        "Distance and language keep practitioners of the South apart between meetings. "
        "A shared online space, in their languages and light enough for a phone on a slow "
        "connection, keeps the conversation going and lets anyone reach anyone.",
        [
            "How do you keep in touch with partners in other countries today, and what gets "
            "in the way?",
            "What would make you come back to this space every week?",
        ],
    ),
    "es": (
        "Espacios virtuales para la cooperación Sur-Sur y triangular",
        "La distancia y el idioma separan a quienes trabajan en el Sur entre un encuentro y "
        "otro. Un espacio en línea compartido, en sus idiomas y lo bastante ligero para un "
        "teléfono con conexión lenta, mantiene viva la conversación y permite que cualquiera "
        "contacte con cualquiera.",
        [
            "¿Cómo se mantiene hoy en contacto con socios de otros países y qué lo dificulta?",
            "¿Qué le haría volver a este espacio cada semana?",
        ],
    ),
    "fr": (
        "Espaces virtuels pour la coopération Sud-Sud et triangulaire",
        "La distance et la langue séparent les praticiens du Sud entre deux rencontres. Un "
        "espace en ligne partagé, dans leurs langues et assez léger pour un téléphone sur "
        "une connexion lente, fait vivre la conversation et permet à chacun de joindre qui "
        "il veut.",
        [
            "Comment restez-vous aujourd'hui en contact avec des partenaires d'autres pays, "
            "et qu'est-ce qui vous en empêche ?",
            "Qu'est-ce qui vous ferait revenir dans cet espace chaque semaine ?",
        ],
    ),
    "pt": (
        "Espaços virtuais para a cooperação Sul-Sul e triangular",
        "A distância e a língua separam quem trabalha no Sul entre um encontro e outro. Um "
        "espaço em linha partilhado, nas suas línguas e leve o suficiente para um telemóvel "
        "com ligação lenta, mantém a conversa viva e permite que qualquer pessoa chegue a "
        "qualquer outra.",
        [
            "Como mantém hoje o contacto com parceiros de outros países, e o que o dificulta?",
            "O que o faria voltar a este espaço todas as semanas?",
        ],
    ),
}
