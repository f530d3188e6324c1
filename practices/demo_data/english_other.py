"""English versions of an experiment write-up and a cross-training offer, keyed by French slug.

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
}
