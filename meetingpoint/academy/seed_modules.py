"""The ten modules of the example Academy, retold in our own words in four languages.

A module's entry: slug, rooms, then per language (title, basic principles, key questions).
"""

MODULES = [
    {
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
    },
    {
        "slug": "child-labour",
        "rooms": ["child-labour-modern-slavery"],
        "en": (
            "Ending child labour, trafficking and modern slavery",
            "Countries that cut child labour sharply did it with cash transfers tied to "
            "school, labour inspection and social dialogue together; those lessons travel "
            "well between countries of the South. Forced labour and trafficking cross borders, "
            "so the answers must too.",
            [
                "Which measure did the most against child labour where you work, and why?",
                "How can countries on a migration route act together against trafficking?",
                "What role do workers' and employers' organisations play in your country?",
            ],
        ),
        "es": (
            "Acabar con el trabajo infantil, la trata y la esclavitud moderna",
            "Los países que redujeron mucho el trabajo infantil lo lograron combinando "
            "transferencias ligadas a la escuela, inspección del trabajo y diálogo social; esas "
            "lecciones viajan bien entre países del Sur. El trabajo forzoso y la trata cruzan "
            "fronteras, y las respuestas también deben hacerlo.",
            [
                "¿Qué medida hizo más contra el trabajo infantil donde usted trabaja, y por qué?",
                "¿Cómo pueden actuar juntos los países de una ruta migratoria contra la trata?",
                "¿Qué papel tienen las organizaciones de trabajadores y de empleadores en su país?",
            ],
        ),
        "fr": (
            "Mettre fin au travail des enfants, à la traite et à l'esclavage moderne",
            "Les pays qui ont fortement réduit le travail des enfants ont associé des "
            "transferts liés à la scolarité, l'inspection du travail et le dialogue social ; "
            "ces leçons voyagent bien entre pays du Sud. Le travail forcé et la traite "
            "franchissent les frontières, les réponses doivent le faire aussi.",
            [
                "Quelle mesure a le plus fait reculer le travail des enfants là où vous "
                "travaillez, et pourquoi ?",
                "Comment les pays d'une même route migratoire peuvent-ils agir ensemble contre "
                "la traite ?",
                "Quel rôle jouent les organisations de travailleurs et d'employeurs dans votre "
                "pays ?",
            ],
        ),
        "pt": (
            "Acabar com o trabalho infantil, o tráfico e a escravatura moderna",
            "Os países que reduziram muito o trabalho infantil fizeram-no combinando "
            "transferências ligadas à escola, inspeção do trabalho e diálogo social; essas "
            "lições viajam bem entre países do Sul. O trabalho forçado e o tráfico atravessam "
            "fronteiras, e as respostas também têm de o fazer.",
            [
                "Que medida mais fez contra o trabalho infantil onde trabalha, e porquê?",
                "Como podem os países de uma rota migratória agir juntos contra o tráfico?",
                "Que papel têm as organizações de trabalhadores e de empregadores no seu país?",
            ],
        ),
    },
    {
        "slug": "green-jobs",
        "rooms": ["green-jobs-just-transition"],
        "en": (
            "Job creation, climate change and a just transition",
            "Protecting the climate can create work, in renewable energy, recycling or "
            "restoring land, but some jobs will go. A just transition plans with workers and "
            "employers how people move to the new jobs, with skills and social protection on "
            "the way.",
            [
                "Which green jobs are appearing in your country, and who gets them?",
                "Who loses out from climate policy where you live, and what would make the "
                "change fair to them?",
            ],
        ),
        "es": (
            "Creación de empleo, cambio climático y transición justa",
            "Proteger el clima puede crear trabajo, en energías renovables, reciclaje o "
            "recuperación de tierras, pero algunos empleos desaparecerán. Una transición justa "
            "planifica con trabajadores y empleadores cómo pasar a los nuevos empleos, con "
            "formación y protección social en el camino.",
            [
                "¿Qué empleos verdes están surgiendo en su país y quién los obtiene?",
                "¿Quién sale perdiendo con la política climática donde usted vive y qué haría "
                "que el cambio fuera justo para esas personas?",
            ],
        ),
        "fr": (
            "Création d'emplois, changement climatique et transition juste",
            "Protéger le climat peut créer du travail, dans les énergies renouvelables, le "
            "recyclage ou la restauration des terres, mais certains emplois disparaîtront. Une "
            "transition juste prévoit avec les travailleurs et les employeurs le passage vers "
            "les nouveaux emplois, avec formation et protection sociale en chemin.",
            [
                "Quels emplois verts apparaissent dans votre pays, et qui les obtient ?",
                "Qui est perdant face à la politique climatique chez vous, et qu'est-ce qui "
                "rendrait le changement juste pour ces personnes ?",
            ],
        ),
        "pt": (
            "Criação de emprego, alterações climáticas e transição justa",
            "Proteger o clima pode criar trabalho, nas energias renováveis, na reciclagem ou "
            "na recuperação de terras, mas alguns empregos vão desaparecer. Uma transição justa "
            "planeia com trabalhadores e empregadores a passagem para os novos empregos, com "
            "formação e proteção social pelo caminho.",
            [
                "Que empregos verdes estão a surgir no seu país, e quem os obtém?",
                "Quem perde com a política climática onde vive, e o que tornaria a mudança "
                "justa para essas pessoas?",
            ],
        ),
    },
    {
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
                "Quel partenariat entre villes avez-vous vu réussir, et qu'y a gagné chaque "
                "partie ?",
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
    },
    {
        "slug": "social-protection",
        "rooms": ["social-protection"],
        "en": (
            "Social protection floors and public employment",
            "A social protection floor guarantees everyone basic income security and health "
            "care across their life. Public employment programmes give work when the market "
            "offers none and build what communities need; several countries of the South have "
            "run them at very large scale.",
            [
                "Who in your country is still outside any social protection?",
                "What would a public employment programme need to offer decent work, not just "
                "any work?",
            ],
        ),
        "es": (
            "Pisos de protección social y empleo público",
            "Un piso de protección social garantiza a todas las personas seguridad básica de "
            "ingresos y atención de salud a lo largo de la vida. Los programas de empleo "
            "público dan trabajo cuando el mercado no lo ofrece y construyen lo que las "
            "comunidades necesitan; varios países del Sur los han aplicado a gran escala.",
            [
                "¿Quién sigue fuera de toda protección social en su país?",
                "¿Qué necesitaría un programa de empleo público para ofrecer trabajo decente y "
                "no cualquier trabajo?",
            ],
        ),
        "fr": (
            "Socles de protection sociale et emploi public",
            "Un socle de protection sociale garantit à chacun une sécurité de revenu de base et "
            "l'accès aux soins tout au long de la vie. Les programmes d'emploi public donnent "
            "du travail quand le marché n'en offre pas et construisent ce dont les communautés "
            "ont besoin ; plusieurs pays du Sud les ont menés à très grande échelle.",
            [
                "Qui, dans votre pays, reste en dehors de toute protection sociale ?",
                "Que faudrait-il à un programme d'emploi public pour offrir un travail décent, "
                "et pas n'importe quel travail ?",
            ],
        ),
        "pt": (
            "Pisos de proteção social e emprego público",
            "Um piso de proteção social garante a todas as pessoas segurança básica de "
            "rendimento e cuidados de saúde ao longo da vida. Os programas de emprego público "
            "dão trabalho quando o mercado não o oferece e constroem o que as comunidades "
            "precisam; vários países do Sul aplicaram-nos em grande escala.",
            [
                "Quem continua fora de qualquer proteção social no seu país?",
                "O que precisaria um programa de emprego público para oferecer trabalho digno, "
                "e não um trabalho qualquer?",
            ],
        ),
    },
    {
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
    },
    {
        "slug": "social-dialogue",
        "rooms": ["social-dialogue"],
        "en": (
            "Social dialogue",
            "Governments, workers and employers negotiating together make policies that last "
            "and are respected. Tripartite bodies, collective bargaining and the freedom to "
            "organise are the tools; exchanges between unions or employers' organisations of "
            "the South strengthen each of them.",
            [
                "Where has social dialogue changed a policy in your country?",
                "What stops workers in the informal economy from having a voice, and what has "
                "helped?",
            ],
        ),
        "es": (
            "Diálogo social",
            "Cuando gobiernos, trabajadores y empleadores negocian juntos, las políticas duran "
            "y se respetan. Los órganos tripartitos, la negociación colectiva y la libertad "
            "sindical son las herramientas; los intercambios entre sindicatos u organizaciones "
            "de empleadores del Sur fortalecen a cada uno.",
            [
                "¿Dónde cambió el diálogo social una política en su país?",
                "¿Qué impide que los trabajadores de la economía informal tengan voz y qué ha "
                "ayudado?",
            ],
        ),
        "fr": (
            "Dialogue social",
            "Quand gouvernements, travailleurs et employeurs négocient ensemble, les politiques "
            "durent et sont respectées. Les organes tripartites, la négociation collective et "
            "la liberté syndicale en sont les outils ; les échanges entre syndicats ou "
            "organisations d'employeurs du Sud renforcent chacun d'eux.",
            [
                "Où le dialogue social a-t-il changé une politique dans votre pays ?",
                "Qu'est-ce qui empêche les travailleurs de l'économie informelle de se faire "
                "entendre, et qu'est-ce qui a aidé ?",
            ],
        ),
        "pt": (
            "Diálogo social",
            "Quando governos, trabalhadores e empregadores negociam juntos, as políticas duram "
            "e são respeitadas. Os órgãos tripartidos, a negociação coletiva e a liberdade "
            "sindical são as ferramentas; as trocas entre sindicatos ou organizações de "
            "empregadores do Sul reforçam cada um deles.",
            [
                "Onde mudou o diálogo social uma política no seu país?",
                "O que impede os trabalhadores da economia informal de terem voz, e o que tem "
                "ajudado?",
            ],
        ),
    },
    {
        "slug": "labour-migration",
        "rooms": ["labour-migration"],
        "en": (
            "Labour migration",
            "Most migrants from the South work in another country of the South. Agreements "
            "between countries of origin and destination can make recruitment fair, protect "
            "wages and let social security rights travel with the worker.",
            [
                "What happens to a migrant worker's pension and health cover when they move "
                "between your country and its neighbours?",
                "Which recruitment practices most need to change on the routes you know?",
            ],
        ),
        "es": (
            "Migración laboral",
            "La mayoría de los migrantes del Sur trabaja en otro país del Sur. Los acuerdos "
            "entre países de origen y de destino pueden hacer justa la contratación, proteger "
            "los salarios y permitir que los derechos de seguridad social viajen con la persona.",
            [
                "¿Qué pasa con la pensión y la cobertura de salud de un trabajador migrante que "
                "se desplaza entre su país y los vecinos?",
                "¿Qué prácticas de contratación necesitan cambiar más en las rutas que conoce?",
            ],
        ),
        "fr": (
            "Migrations de main-d'œuvre",
            "La plupart des migrants du Sud travaillent dans un autre pays du Sud. Des accords "
            "entre pays d'origine et de destination peuvent rendre le recrutement équitable, "
            "protéger les salaires et faire suivre les droits de sécurité sociale.",
            [
                "Que deviennent la retraite et la couverture santé d'un travailleur migrant qui "
                "circule entre votre pays et ses voisins ?",
                "Quelles pratiques de recrutement doivent le plus changer sur les routes que "
                "vous connaissez ?",
            ],
        ),
        "pt": (
            "Migração laboral",
            "A maioria dos migrantes do Sul trabalha noutro país do Sul. Acordos entre países "
            "de origem e de destino podem tornar o recrutamento justo, proteger os salários e "
            "deixar que os direitos de segurança social acompanhem a pessoa.",
            [
                "O que acontece à pensão e à cobertura de saúde de um trabalhador migrante que "
                "circula entre o seu país e os vizinhos?",
                "Que práticas de recrutamento mais precisam de mudar nas rotas que conhece?",
            ],
        ),
    },
    {
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
    },
    {
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
    },
]
