"""The thematic rooms every Meeting Point starts with, written from the SSTC Academy seed.

Content data, not gettext: each text exists in the four languages and admins may edit it.
"""

ROOMS = [
    {
        "slug": "south-south-sdgs",
        "en": (
            "South-South cooperation and the SDGs",
            "How countries of the South learn from one another to reach the 2030 Agenda, with "
            "decent work (Goal 8) at its heart and partnership (Goal 17) as the means. Share "
            "what worked at home, and find a partner who has solved what you are facing.",
        ),
        "es": (
            "Cooperación Sur-Sur y los ODS",
            "Cómo los países del Sur aprenden unos de otros para cumplir la Agenda 2030, con el "
            "trabajo decente (Objetivo 8) en el centro y las alianzas (Objetivo 17) como medio. "
            "Cuente lo que funcionó en su país y encuentre a quien ya resolvió lo que usted "
            "enfrenta.",
        ),
        "fr": (
            "Coopération Sud-Sud et ODD",
            "Comment les pays du Sud apprennent les uns des autres pour atteindre le Programme "
            "2030, avec le travail décent (objectif 8) au cœur et le partenariat (objectif 17) "
            "comme moyen. Partagez ce qui a marché chez vous et trouvez qui a déjà résolu le "
            "problème auquel vous faites face.",
        ),
        "pt": (
            "Cooperação Sul-Sul e os ODS",
            "Como os países do Sul aprendem uns com os outros para cumprir a Agenda 2030, com o "
            "trabalho digno (Objetivo 8) no centro e as parcerias (Objetivo 17) como meio. "
            "Partilhe o que funcionou no seu país e encontre quem já resolveu o desafio que "
            "enfrenta.",
        ),
    },
    {
        "slug": "child-labour-modern-slavery",
        "en": (
            "Child labour, forced labour and modern slavery",
            "Ending child labour, forced labour and trafficking: inspection, social protection "
            "for families, schooling, supply-chain due diligence and the laws that back them. "
            "Compare approaches that have cut child labour and learn how they travelled between "
            "countries.",
        ),
        "es": (
            "Trabajo infantil, trabajo forzoso y esclavitud moderna",
            "Erradicar el trabajo infantil, el trabajo forzoso y la trata: inspección, "
            "protección social para las familias, escolarización, debida diligencia en las "
            "cadenas de suministro y las leyes que lo respaldan. Compare enfoques que redujeron "
            "el trabajo infantil y vea cómo se trasladaron de un país a otro.",
        ),
        "fr": (
            "Travail des enfants, travail forcé et esclavage moderne",
            "Mettre fin au travail des enfants, au travail forcé et à la traite : inspection, "
            "protection sociale des familles, scolarisation, devoir de vigilance dans les "
            "chaînes d'approvisionnement et lois qui les soutiennent. Comparez les approches "
            "qui ont fait reculer le travail des enfants et voyez comment elles ont circulé "
            "d'un pays à l'autre.",
        ),
        "pt": (
            "Trabalho infantil, trabalho forçado e escravidão moderna",
            "Acabar com o trabalho infantil, o trabalho forçado e o tráfico de pessoas: "
            "inspeção, proteção social às famílias, escolarização, diligência devida nas "
            "cadeias de abastecimento e as leis que os sustentam. Compare abordagens que "
            "reduziram o trabalho infantil e veja como passaram de um país a outro.",
        ),
    },
    {
        "slug": "green-jobs-just-transition",
        "en": (
            "Job creation, green jobs and just transition",
            "Creating decent jobs while economies adapt to a changing climate: green public "
            "works, renewable energy, sustainable agriculture, and a transition that leaves no "
            "worker or community behind.",
        ),
        "es": (
            "Creación de empleo, empleos verdes y transición justa",
            "Crear empleos decentes mientras las economías se adaptan al cambio climático: "
            "obras públicas verdes, energías renovables, agricultura sostenible y una "
            "transición que no deje atrás a ningún trabajador ni comunidad.",
        ),
        "fr": (
            "Création d'emplois, emplois verts et transition juste",
            "Créer des emplois décents pendant que les économies s'adaptent au changement "
            "climatique : travaux publics verts, énergies renouvelables, agriculture durable, "
            "et une transition qui n'oublie aucun travailleur ni aucune communauté.",
        ),
        "pt": (
            "Criação de emprego, empregos verdes e transição justa",
            "Criar empregos dignos enquanto as economias se adaptam às alterações climáticas: "
            "obras públicas verdes, energias renováveis, agricultura sustentável e uma "
            "transição que não deixe nenhum trabalhador nem comunidade para trás.",
        ),
    },
    {
        "slug": "skills-development",
        "en": (
            "Skills development and vocational training",
            "Technical and vocational training that leads to work: apprenticeships, "
            "recognition of prior learning, training for the informal economy, and partnerships "
            "between training centres across the South.",
        ),
        "es": (
            "Desarrollo de competencias y formación profesional",
            "Formación técnica y profesional que conduce al empleo: aprendizaje en el puesto "
            "de trabajo, reconocimiento de competencias adquiridas, formación para la economía "
            "informal y alianzas entre centros de formación del Sur.",
        ),
        "fr": (
            "Développement des compétences et formation professionnelle",
            "Une formation technique et professionnelle qui mène à l'emploi : apprentissage, "
            "validation des acquis de l'expérience, formation pour l'économie informelle et "
            "partenariats entre centres de formation du Sud.",
        ),
        "pt": (
            "Desenvolvimento de competências e formação profissional",
            "Formação técnica e profissional que leva ao emprego: aprendizagem, "
            "reconhecimento de competências adquiridas, formação para a economia informal e "
            "parcerias entre centros de formação do Sul.",
        ),
    },
    {
        "slug": "social-protection",
        "en": (
            "Social protection floors and public employment",
            "Basic income security and health care for all, and public employment programmes "
            "that guarantee work: how countries designed, financed and extended them, and what "
            "others can borrow.",
        ),
        "es": (
            "Pisos de protección social y empleo público",
            "Seguridad básica del ingreso y atención de salud para todas las personas, y "
            "programas públicos que garantizan empleo: cómo los países los diseñaron, "
            "financiaron y ampliaron, y qué pueden adaptar otros.",
        ),
        "fr": (
            "Socles de protection sociale et emploi public",
            "Sécurité élémentaire du revenu et soins de santé pour tous, et programmes publics "
            "qui garantissent un emploi : comment les pays les ont conçus, financés et élargis, "
            "et ce que d'autres peuvent en reprendre.",
        ),
        "pt": (
            "Pisos de proteção social e emprego público",
            "Segurança básica de rendimento e cuidados de saúde para todas as pessoas, e "
            "programas públicos que garantem trabalho: como os países os conceberam, "
            "financiaram e alargaram, e o que outros podem adaptar.",
        ),
    },
    {
        "slug": "social-dialogue",
        "en": (
            "Social dialogue",
            "Governments, workers and employers negotiating together: tripartite councils, "
            "collective bargaining and dispute resolution, and how trade unions and employers' "
            "organisations cooperate across borders.",
        ),
        "es": (
            "Diálogo social",
            "Gobiernos, trabajadores y empleadores que negocian juntos: consejos tripartitos, "
            "negociación colectiva y solución de conflictos, y la cooperación transfronteriza "
            "entre sindicatos y organizaciones de empleadores.",
        ),
        "fr": (
            "Dialogue social",
            "Gouvernements, travailleurs et employeurs qui négocient ensemble : conseils "
            "tripartites, négociation collective et règlement des différends, et coopération "
            "entre syndicats et organisations d'employeurs par-delà les frontières.",
        ),
        "pt": (
            "Diálogo social",
            "Governos, trabalhadores e empregadores a negociar em conjunto: conselhos "
            "tripartidos, negociação coletiva e resolução de conflitos, e a cooperação entre "
            "sindicatos e organizações de empregadores para além das fronteiras.",
        ),
    },
    {
        "slug": "labour-migration",
        "en": (
            "Labour migration",
            "Fair recruitment, the rights of migrant workers and their families, portable social "
            "security, recognition of skills, and agreements between countries of origin and "
            "destination.",
        ),
        "es": (
            "Migración laboral",
            "Contratación equitativa, derechos de los trabajadores migrantes y sus familias, "
            "portabilidad de la seguridad social, reconocimiento de competencias y acuerdos "
            "entre países de origen y de destino.",
        ),
        "fr": (
            "Migrations de main-d'œuvre",
            "Recrutement équitable, droits des travailleurs migrants et de leurs familles, "
            "portabilité de la sécurité sociale, reconnaissance des compétences et accords entre "
            "pays d'origine et de destination.",
        ),
        "pt": (
            "Migração laboral",
            "Recrutamento equitativo, direitos dos trabalhadores migrantes e das suas famílias, "
            "portabilidade da segurança social, reconhecimento de competências e acordos entre "
            "países de origem e de destino.",
        ),
    },
    {
        "slug": "fragile-to-fragile",
        "en": (
            "Fragile-to-fragile cooperation",
            "Countries emerging from conflict or disaster helping one another: employment for "
            "peace and resilience, rebuilding institutions, and lessons that only those who "
            "lived through fragility can pass on.",
        ),
        "es": (
            "Cooperación entre países frágiles",
            "Países que salen de un conflicto o de un desastre y se ayudan mutuamente: empleo "
            "para la paz y la resiliencia, reconstrucción de instituciones y enseñanzas que solo "
            "puede transmitir quien vivió la fragilidad.",
        ),
        "fr": (
            "Coopération entre pays fragiles",
            "Des pays qui sortent d'un conflit ou d'une catastrophe et s'entraident : l'emploi "
            "au service de la paix et de la résilience, la reconstruction des institutions, et "
            "des leçons que seuls ceux qui ont vécu la fragilité peuvent transmettre.",
        ),
        "pt": (
            "Cooperação entre países frágeis",
            "Países que saem de um conflito ou de uma catástrofe e se ajudam mutuamente: "
            "emprego para a paz e a resiliência, reconstrução das instituições e lições que só "
            "quem viveu a fragilidade pode transmitir.",
        ),
    },
    {
        "slug": "city-to-city",
        "en": (
            "City-to-city cooperation and local economic development",
            "Cities and regions working directly with their peers: local development "
            "strategies, waste and recycling cooperatives, public services and jobs, planned "
            "together with the people who live there.",
        ),
        "es": (
            "Cooperación entre ciudades y desarrollo económico local",
            "Ciudades y regiones que trabajan directamente con sus pares: estrategias de "
            "desarrollo local, cooperativas de reciclaje, servicios públicos y empleo, "
            "planificados junto con sus habitantes.",
        ),
        "fr": (
            "Coopération de ville à ville et développement économique local",
            "Des villes et des régions qui travaillent directement avec leurs homologues : "
            "stratégies de développement local, coopératives de recyclage, services publics et "
            "emploi, pensés avec les habitants.",
        ),
        "pt": (
            "Cooperação entre cidades e desenvolvimento económico local",
            "Cidades e regiões que trabalham diretamente com os seus pares: estratégias de "
            "desenvolvimento local, cooperativas de reciclagem, serviços públicos e emprego, "
            "planeados com quem lá vive.",
        ),
    },
    {
        "slug": "social-solidarity-economy",
        "en": (
            "Social and solidarity economy",
            "Cooperatives, mutual societies, associations and social enterprises that put "
            "people before profit: how they create decent work, reach the informal economy, "
            "and grow through exchanges between countries.",
        ),
        "es": (
            "Economía social y solidaria",
            "Cooperativas, mutuales, asociaciones y empresas sociales que ponen a las personas "
            "antes que el lucro: cómo crean trabajo decente, llegan a la economía informal y "
            "crecen gracias al intercambio entre países.",
        ),
        "fr": (
            "Économie sociale et solidaire",
            "Coopératives, mutuelles, associations et entreprises sociales qui placent les "
            "personnes avant le profit : comment elles créent du travail décent, atteignent "
            "l'économie informelle et se développent grâce aux échanges entre pays.",
        ),
        "pt": (
            "Economia social e solidária",
            "Cooperativas, mutualidades, associações e empresas sociais que põem as pessoas à "
            "frente do lucro: como criam trabalho digno, chegam à economia informal e crescem "
            "através do intercâmbio entre países.",
        ),
    },
    {
        "slug": "public-private-partnerships",
        "en": (
            "Public-private partnerships",
            "Governments, companies and foundations pooling money and know-how for decent "
            "work: skills programmes, enterprise development and triangular projects, and what "
            "makes such partnerships fair and lasting.",
        ),
        "es": (
            "Alianzas público-privadas",
            "Gobiernos, empresas y fundaciones que suman recursos y conocimientos a favor del "
            "trabajo decente: programas de competencias, desarrollo empresarial y proyectos "
            "triangulares, y lo que hace que estas alianzas sean justas y duraderas.",
        ),
        "fr": (
            "Partenariats public-privé",
            "Gouvernements, entreprises et fondations qui mettent en commun moyens et savoir-"
            "faire pour le travail décent : programmes de compétences, développement des "
            "entreprises et projets triangulaires, et ce qui rend ces partenariats équitables "
            "et durables.",
        ),
        "pt": (
            "Parcerias público-privadas",
            "Governos, empresas e fundações que juntam recursos e conhecimento em prol do "
            "trabalho digno: programas de competências, desenvolvimento empresarial e projetos "
            "triangulares, e o que torna estas parcerias justas e duradouras.",
        ),
    },
]
