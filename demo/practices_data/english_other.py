"""English versions of experiment write-ups and cross-training offers, keyed by French slug.

As for the sheets, `indicators` gives the translated `(name, unit)` in the French
order; figures, ages, dates and sessions come from the French page.
"""

EXPERIMENTS = {
    "espace-repit-inter-itep-loire": {
        "slug": "respite-space-shared-by-four-iteps",
        "title": "A respite space shared by four ITEPs in the Loire",
        "summary": (
            "A four-bed house, open all year round, takes in for a few days a young person from "
            "one of the four partner ITEPs when tension rises in residential care, at home or at "
            "school, before things break down."
        ),
        "situations": [
            "A 12-year-old boy whose outbursts multiply in residential care after his key worker "
            "changed",
            "A 15-year-old girl in open conflict with her foster family, awaiting a child-welfare "
            "decision",
            "A pupil temporarily excluded from secondary school whose family cannot look after him",
        ],
        "partners": [
            "Four ITEPs run by two associations",
            "Child welfare and disability office of the Loire, local child psychiatry",
        ],
        "description": [
            "Stays of 2 to 10 days, decided within 48 hours by a joint admissions panel",
            "The young person keeps up with school thanks to a half-time seconded teacher",
            "A review at the end of the stay goes to the ITEP of origin and to the family",
        ],
        "positive_results": [
            "Fewer final exclusions from ITEPs in the département",
            "Residential teams who feel less alone facing crises",
        ],
        "difficulties": [
            "Requests bunched on Fridays and before school holidays",
            "Night staff hard to recruit",
        ],
        "success_factors": [
            "A joint, quick admissions panel with no pecking order between providers",
            "A written plan for the stay, drawn up with the young person, even for a short stay",
        ],
        "pitfalls": [
            "Letting the space turn into one more residential place",
            "Forgetting the return: without a shared review, the crisis starts again",
        ],
        "organisation_model": [
            "A separate house, open 365 days a year",
            "Admission at the ITEP’s request, with the family’s agreement",
        ],
        "staff": [
            "Coordinator (1 FTE)",
            "Specialised and assistant educators (5.5 FTE)",
            "Night staff (2 FTE), psychologist (0.3 FTE)",
        ],
        "funding": [
            "ARS funding, shared between the four ITEPs in proportion to their places",
            "One-off ARS funding in the first year for fitting out the house",
        ],
        "evaluation_method": [
            "Each stay is tracked: reason, length, situation three months later",
            "Yearly interviews with families and teams",
        ],
        "evaluation_results": [
            "Three months after a stay, 8 young people out of 10 are still in their ITEP",
        ],
        "indicators": [
            ("Young people taken in", "young people/year"),
            ("Occupancy rate", "%"),
            ("Breakdowns avoided at three months", "%"),
        ],
        "tags": ["respite", "shared between ITEPs", "breakdown prevention"],
        "contact_organisation": "ITEP du Pilat",
    },
    "equipe-mobile-relais-itep-savoie": {
        "slug": "mobile-relay-team-in-savoie",
        "title": "A mobile relay team for the parts of Savoie without an ITEP",
        "summary": (
            "Three professionals travel up the valleys to support schools, families and child "
            "welfare services around children with psychological difficulties who are waiting "
            "for a place or live too far from an ITEP."
        ),
        "situations": [
            "An 8-year-old at a mountain school, referred to an ITEP and waiting for a year",
            "A pre-teen in foster care whose foster carer is exhausted",
        ],
        "partners": [
            "Education ministry, child welfare, local mental health clinic, Savoie disability "
            "office",
        ],
        "description": [
            "Visits to the school, the family home or the foster family, twice a week",
            "Advice to teachers and classroom assistants, taking part in follow-up meetings",
        ],
        "positive_results": [
            "Children kept at school while they wait for a place",
            "Teachers who dare to take pupils in again",
        ],
        "difficulties": ["Travel times in winter", "A caseload that fills up quickly"],
        "success_factors": ["A clear agreement with the Education ministry"],
        "pitfalls": ["Promising daily visits that cannot be kept up"],
        "organisation_model": [
            "Attached to an integrated ITEP, the team works across the whole département",
            "Referral by the disability office, the school or child welfare, answer within "
            "fifteen days",
        ],
        "staff": [
            "Specialised educator (1 FTE)",
            "Psychologist (0.8 FTE)",
            "Seconded specialised teacher (0.5 FTE)",
        ],
        "funding": ["ARS funding included in the provider’s multi-year contract"],
        "evaluation_method": ["Questionnaire to schools and families, caseload monitoring"],
        "evaluation_results": ["Nine schools out of ten find the support useful or very useful"],
        "indicators": [
            ("Children followed", "children/year"),
            ("Average time to first visit", "days"),
            ("School exclusions avoided", "situations/year"),
        ],
        "tags": ["mobile team", "areas without services", "inclusive school"],
        "contact_organisation": "La Chartreuse integrated ITEP",
    },
    "studio-essai-jeunes-adultes-aveyron": {
        "slug": "trial-flat-for-young-adults",
        "title": "A trial flat to try living independently before 20",
        "summary": (
            "An institute rents a flat in town where young people aged 17 to 22 spend one to "
            "three weeks living on their own, with a daily visit from the team."
        ),
        "situations": [
            "A 19-year-old man working in a sheltered workshop who wants to leave residential care",
            "An 18-year-old woman whose parents doubt she could live alone",
        ],
        "partners": [
            "Social landlord, the area’s sheltered workshop, a social living support service"
        ],
        "description": [
            "A stay prepared with the young person: budget, shopping, journeys, daily routine",
            "A written review feeds into their skills booklet",
        ],
        "positive_results": ["Families reassured after seeing their child succeed"],
        "difficulties": ["Night on-call cover to organise"],
        "success_factors": ["An ordinary flat, not a room in the institute"],
        "pitfalls": [],
        "organisation_model": ["Flat rented all year round, stays planned each quarter"],
        "staff": ["Educator in charge of the transition (0.5 FTE)"],
        "funding": [],
        "evaluation_method": [],
        "evaluation_results": [],
        "indicators": [],
        "tags": ["Creton amendment", "inclusive housing", "self-determination"],
        "contact_organisation": "Du Causse institute",
    },
}

TRAININGS = {
    "pedopsychiatrie-medico-social-articuler-soins": {
        "slug": "child-psychiatry-and-medico-social-care",
        "title": "Child psychiatry and medico-social services: joining up care and support",
        "summary": (
            "A day of cross-immersion: ITEP teams discover the day hospital and the outpatient "
            "clinic, hospital staff discover residential care and home support, then everyone "
            "works on transitions."
        ),
        "host": "Child psychiatry unit of the local hospital, Clermont-Ferrand",
        "target_professions": (
            "Child psychiatry nurses and psychiatrists, educators, psychologists, ITEP managers"
        ),
        "topics": [
            "Who does what during a hospital stay and the return home",
            "The shared liaison form and shared confidentiality",
            "Preventing avoidable hospital admissions",
        ],
        "tags": ["child psychiatry", "liaison form", "immersion"],
        "contact_organisation": "Les Volcans integrated ITEP",
    },
    "comprendre-fonctionnement-dispositif-itep": {
        "slug": "how-integrated-iteps-work",
        "title": "Understanding how integrated ITEPs work",
        "summary": (
            "Two days for teams of integrated ITEPs, medico-educational institutes and their "
            "partners to speak the same language: ways of support, moving from one to another, "
            "the role of the disability office."
        ),
        "host": "Les Cèdres integrated ITEP, Villeurbanne",
        "target_professions": (
            "Specialised educators, specialised teachers, child welfare social workers, "
            "disability office staff"
        ),
        "topics": [
            "The decree of 24 April 2017 and what it changes for young people and families",
            "Moving from residential to outpatient support without a new referral",
            "Case studies brought by participants",
        ],
        "tags": ["integrated scheme", "cross-training"],
        "contact_organisation": "Les Cèdres integrated ITEP",
    },
    "troubles-comportement-ecole-regards-croises": {
        "slug": "behavioural-difficulties-at-school",
        "title": "Behavioural difficulties at school: integrated ITEPs and teachers compare views",
        "summary": (
            "Teachers and integrated ITEP teams analyse classroom situations together and build "
            "shared answers, from adapting teaching to handling a crisis."
        ),
        "host": "Grésivaudan integrated ITEP, Crolles",
        "target_professions": (
            "Teachers, classroom assistants, coordinators of inclusive classes, educators and "
            "psychologists of integrated ITEPs"
        ),
        "topics": [
            "Understanding what behaviour expresses",
            "Preventing escalation in class and after a crisis",
            "Linking the personal support plan and the schooling plan",
        ],
        "tags": ["inclusive schooling", "crisis management", "classroom assistants"],
        "contact_organisation": "Isère local office, ARS Auvergne-Rhône-Alpes",
    },
}
