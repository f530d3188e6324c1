"""What the sheets of the Auvergne-Rhône-Alpes ITEP roadmap share: who steers, who answers."""

ROADMAP_CONTEXT = (
    "En 2016, l’ARS Auvergne-Rhône-Alpes a préparé avec les ITEP, les SESSAD et leurs "
    "partenaires le passage au fonctionnement en dispositif intégré prévu par le décret "
    "n° 2017-620 du 24 avril 2017. Diagnostics, concertations départementales puis "
    "recommandations ont abouti à une feuille de route régionale, validée par le comité de "
    "pilotage du 17 février 2017. "
)

REGIONAL = (
    "regional",
    "Direction de l’autonomie, ARS Auvergne-Rhône-Alpes",
    "Cadre régional, appui méthodologique et suivi de l’avancement dans les départements",
)
PLANNING = (
    "regional",
    "Pôle planification de l’offre, direction de l’autonomie, ARS Auvergne-Rhône-Alpes",
    "Pilotage de l’action et consolidation régionale",
)
DELEGATIONS = (
    "departmental",
    "Délégations départementales de l’ARS Auvergne-Rhône-Alpes",
    "Déclinaison locale, animation des partenaires et suivi de terrain",
)

CONTACT_REGION = (
    "Hélène Vasseur",
    "Direction de l’autonomie, ARS Auvergne-Rhône-Alpes",
    "helene.vasseur@exemple.fr",
)
CONTACT_RHONE = (
    "Julien Morel",
    "Délégation départementale du Rhône et de la métropole de Lyon, ARS Auvergne-Rhône-Alpes",
    "julien.morel@exemple.fr",
)
CONTACT_ISERE = (
    "Nadia Ferhat",
    "Délégation départementale de l’Isère, ARS Auvergne-Rhône-Alpes",
    "nadia.ferhat@exemple.fr",
)
CONTACT_LOIRE = (
    "Bruno Chapuis",
    "Délégation départementale de la Loire, ARS Auvergne-Rhône-Alpes",
    "bruno.chapuis@exemple.fr",
)
