"""English versions of a few practice sheets, keyed by the French slug.

Only the words change: `leads`, `milestones` and `indicators` give, in the
French order, the translated `(organisation, role)`, labels and `(name, unit)`;
levels, dates and figures come from the French sheet.
"""

ROADMAP_CONTEXT = (
    "In 2016 the Auvergne-Rhône-Alpes regional health agency (ARS) prepared ITEPs (residential "
    "and day schools for children with behavioural difficulties), their home-support services "
    "and their partners for the switch to an integrated way of working, as provided by decree "
    "no. 2017-620 of 24 April 2017. Diagnoses, consultations in each département and "
    "recommendations led to a regional roadmap, approved by the steering committee on "
    "17 February 2017. "
)

SHEETS = {
    "cooperations-inter-esms": {
        "slug": "cooperation-between-services",
        "title": "1.3 — Building cooperation between associations and between services",
        "summary": (
            "In the Rhône and Ain départements, heads of ITEPs, home-support services and "
            "medico-educational institutes meet twice a year, open their in-house training to "
            "other services and partners, and sign agreements to share resources."
        ),
        "delay": "More than a year",
        "calendar": "Yearly review of shared training, every spring",
        "context": ROADMAP_CONTEXT
        + "A young person who needed to move on from an ITEP to another service often ran into "
        "professional cultures that did not know each other.",
        "objectives": [
            "Build a shared culture between services run by different associations",
            "Make sure another service can take over when a young person’s situation requires it",
            "Open in-house training to other services and partner institutions",
        ],
        "leads": [
            (
                "Offer planning unit, autonomy directorate, ARS Auvergne-Rhône-Alpes",
                "Steering the action and regional consolidation",
            ),
            (
                "Rhône and Ain local offices of the ARS",
                "Local steering, in pairs with the leaders of the integrated-ITEP working groups",
            ),
        ],
        "participants": [
            "Heads of ITEPs, home-support services and medico-educational institutes",
            "Child psychiatry and the Education ministry, for cross-training",
        ],
        "steps": [
            (
                "Axis 1 — Getting to know each other",
                [
                    "Bring heads of service together twice a year around a shared theme",
                    "Exchange establishment and service plans",
                ],
            ),
            (
                "Axis 2 — Training together",
                [
                    "List in-house courses that can be opened and the number of seats",
                    "Publish a joint cross-training programme",
                    "Agree at the end of each year on the next year’s courses",
                ],
            ),
            (
                "Axis 3 — Sharing resources",
                ["Sign agreements between providers to pool ways of supporting young people"],
            ),
        ],
        "resources": [
            "Training plans of the provider organisations",
            "Départemental working groups set up during the integrated-ITEP project",
        ],
        "deliverables": [
            "Yearly cross-training programme (offers, seats opened, participants)",
            "Yearly review of shared training",
        ],
        "milestones": [
            "First meeting of heads of service across départements",
            "First joint cross-training programme",
            "Three-year review presented to the steering committee",
        ],
        "indicators": [
            ("Cooperation agreements signed", "agreements"),
            ("Shared courses held", "courses/year"),
            ("Staff trained outside their own service", "people/year"),
        ],
        "tags": ["cross-training", "mutual knowledge", "agreement"],
        "contact_organisation": "Rhône and Lyon metropolis office, ARS Auvergne-Rhône-Alpes",
    },
    "valoriser-dispositifs-prevention-ruptures": {
        "slug": "showcasing-breakdown-prevention",
        "title": "1.4 — Making known what prevents breakdowns in care",
        "summary": (
            "A review of existing mobile units, respite spaces and similar devices, followed by "
            "write-ups (who they serve, typical cases, results, pitfalls) shared to encourage "
            "every département to start its own."
        ),
        "delay": "6 months to 2 years",
        "calendar": "First release at the end of 2018, updated every year",
        "context": ROADMAP_CONTEXT
        + "Several ITEPs in the region had already opened respite spaces or mobile teams, but "
        "their results did not travel.",
        "objectives": [
            "Make visible the devices that already prevent breakdowns",
            "Encourage every département to innovate in turn",
        ],
        "leads": [
            (
                "Offer planning unit, autonomy directorate, ARS Auvergne-Rhône-Alpes",
                "Steering the action and regional consolidation",
            ),
        ],
        "participants": [
            "Teams running the devices reviewed",
            "Regional study centre (CREAI), for the write-up method",
            "Working group on respite in Savoie",
        ],
        "steps": [
            ("Phase 1 — Review", ["Measure what each ongoing trial brings and adjust it"]),
            (
                "Phase 2 — Sharing",
                [
                    "Describe for each device who it serves, typical cases and results",
                    "Record difficulties, success factors and traps",
                    "Present the write-ups to local offices and providers",
                ],
            ),
        ],
        "resources": [
            "Boxes on innovative devices in the 2016 Alcimed summaries",
            "Respite spaces shared between ITEPs already open in the region",
        ],
        "deliverables": [
            "Directory of respite and outreach devices, appended to the regional plan"
        ],
        "milestones": ["Twelve write-ups released", "Directory updated with outreach hubs"],
        "indicators": [
            ("New projects started after release", "projects"),
            ("Départements with a respite solution", "départements"),
        ],
        "tags": ["respite", "mobile team", "spreading"],
        "contact_organisation": "Autonomy directorate, ARS Auvergne-Rhône-Alpes",
    },
    "transition-age-adulte-amendement-creton": {
        "slug": "preparing-adulthood-creton",
        "title": "Preparing for adulthood from the children’s institute: leaving the Creton "
        "amendment behind",
        "summary": (
            "A medico-educational institute rewrites its service plan for 16 to 25-year-olds: "
            "dedicated key workers, peer support, mainstream health care, a trial studio and a "
            "skills booklet that follows the young person to their next carers."
        ),
        "delay": "18 months",
        "calendar": "Service plan rewritten in 2026, first trial stays in 2027",
        "context": (
            "After the national disability conference of April 2023, the ARS Occitanie launched "
            "the “Handi Cap’2030” call in May 2025: €644,934.69 to fund expert support for "
            "volunteer services in 2025 and 2026. In Occitanie, the number of young adults kept "
            "in children’s services under the Creton amendment has not fallen for years."
        ),
        "objectives": [
            "Prepare the life plan early: housing, work, relationships, leisure",
            "Organise the move to mainstream physical health care",
            "Let young people try living on their own before they choose",
        ],
        "leads": [
            (
                "Care and autonomy directorate, ARS Occitanie",
                "Selecting expert support, funding and regional capitalisation",
            ),
            ("Management of the Les Garrigues institute", "Project lead"),
        ],
        "participants": [
            "Young people over 16 and their families",
            "Adult services of the area, a social landlord, general practitioners",
        ],
        "steps": [
            (
                "Organising the team",
                [
                    "Name key workers for the transition years",
                    "Clarify the role of the usual key worker and of the team",
                ],
            ),
            (
                "Working with the young people",
                [
                    "Set up meetings with young adults who went through it (peer support)",
                    "Write down the health-care plan and the life plan",
                    "Fit out a trial studio and rent a flat in town",
                ],
            ),
            ("Partnerships", ["Sign agreements with adult services and mainstream providers"]),
        ],
        "resources": ["Expert support funded by the ARS"],
        "deliverables": ["“Moving to adulthood” service plan", "Skills booklet"],
        "milestones": ["Trial studio fitted out", "Service plan adopted"],
        "indicators": [
            ("Young adults under the Creton amendment", "young people"),
            ("Young people with a skills booklet", "young people"),
        ],
        "tags": ["Creton amendment", "inclusive housing", "peer support"],
        "contact_organisation": "Medico-social unit, ARS Occitanie",
    },
    "fiche-liaison-itep-pedopsychiatrie": {
        "slug": "liaison-form-itep-child-psychiatry",
        "title": "A shared liaison form between an ITEP and child psychiatry",
        "summary": (
            "A two-sided page, filled in at every hospital admission or return, so that no young "
            "person arrives in the emergency department without anyone knowing their treatment "
            "or what helps them."
        ),
        "delay": "6 months",
        "calendar": "Six-month trial, then used throughout in 2020",
        "context": (
            "Between the integrated ITEP and the local child psychiatry department, handovers "
            "went through the phone and got lost at night and at weekends."
        ),
        "objectives": ["Make moves between the ITEP and hospital safe"],
        "leads": [("Côte de Nacre integrated ITEP", "Drafting and follow-up")],
        "participants": ["Child psychiatry nurses, residential educators, families"],
        "steps": [("Design", ["Write the form together", "Try it for six months"])],
        "resources": ["Existing liaison form templates"],
        "deliverables": ["Liaison form and how to use it"],
        "milestones": ["Form adopted"],
        "indicators": [("Admissions with a completed form", "%")],
        "tags": ["liaison form", "child psychiatry", "hospital admission"],
        "contact_organisation": "Côte de Nacre integrated ITEP",
    },
}
