"""The Academy's modules on decent work: rights, jobs, protection and migration."""

CHILD_LABOUR = {
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
            "Quel rôle jouent les organisations de travailleurs et d'employeurs dans votre pays ?",
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
}

GREEN_JOBS = {
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
}

SOCIAL_PROTECTION = {
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
}

SOCIAL_DIALOGUE = {
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
            "What stops workers in the informal economy from having a voice, and what has helped?",
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
            "¿Qué impide que los trabajadores de la economía informal tengan voz y qué ha ayudado?",
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
            "O que impede os trabalhadores da economia informal de terem voz, e o que tem ajudado?",
        ],
    ),
}

LABOUR_MIGRATION = {
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
}
