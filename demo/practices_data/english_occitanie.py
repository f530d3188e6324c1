"""English versions of the Occitanie sheets (support fund for transforming services), keyed
by French slug. As in `english_sheets`, only the words change."""

CALL_CONTEXT = (
    "As part of the support fund for transforming services announced after the national "
    "disability conference of April 2023, the Occitanie regional health agency (ARS) opened "
    "the “Handi Cap’2030” call in May 2025: €644,934.69 to fund, in 2025 and 2026, expert "
    "support for volunteer medico-social establishments and services. "
)

REGIONAL = (
    "Care and autonomy services directorate, ARS Occitanie",
    "Selecting expert support, funding and regional capitalisation",
)

CONTACT_ORGANISATION = "Medico-social unit, ARS Occitanie"

SHEETS = {
    "appropriation-rbpp-tnd-polyhandicap": {
        "slug": "putting-guidelines-into-daily-practice",
        "title": "Putting the neurodevelopmental and polyhandicap guidelines into daily practice",
        "summary": (
            "A medico-educational institute and a specialised care home get on-site support: an "
            "assessment against the good-practice guidelines, an action plan built with the "
            "teams and training on the job, so that the guidelines change people’s days and the "
            "meaning of the work."
        ),
        "delay": "12 to 18 months",
        "calendar": "Assessment at the end of 2025, action plan in 2026, review early 2027",
        "context": CALL_CONTEXT
        + "The guidelines exist; what is missing is turning them into the ordinary organisation "
        "of a unit.",
        "objectives": [
            "Measure the gap between current practice and the guidelines",
            "Build a realistic action plan with the teams",
            "Train on the job, as close as possible to everyday care",
            "Support managers over time through peer exchange",
        ],
        "leads": [
            REGIONAL,
            (
                "Management of the Les Hirondelles institute",
                "Running the project and leading the in-house follow-up group",
            ),
        ],
        "participants": [
            "Educational and care teams, residents’ council, volunteer families",
            "Support organisation chosen by the ARS",
        ],
        "steps": [
            (
                "Phase 1 — Assessment",
                [
                    "Observe typical days and reread the personal plans",
                    "Compare them with the neurodevelopmental and polyhandicap guidelines",
                ],
            ),
            (
                "Phase 2 — Action plan",
                [
                    "Choose three priorities with the teams and the residents’ council",
                    "Look for solutions, including outside the establishment’s habits",
                ],
            ),
            (
                "Phase 3 — Training on the job",
                [
                    "Support the teams on the ground, unit by unit",
                    "Open a peer-exchange space for heads of service",
                ],
            ),
        ],
        "resources": ["Good-practice guidelines on neurodevelopmental disorders and polyhandicap"],
        "deliverables": [
            "Shared assessment",
            "Action plan",
            "Alternative communication tools",
        ],
        "milestones": [
            "Assessment presented to the teams",
            "Action plan approved by the residents’ council",
            "End-of-support review",
        ],
        "indicators": [
            ("Personal plans in line with the guidelines", "%"),
            ("Staff trained on the job", "people"),
        ],
        "tags": ["good-practice guidelines", "action training", "alternative communication"],
        "contact_organisation": CONTACT_ORGANISATION,
    },
    "modularite-accueils-esms-adultes": {
        "slug": "flexible-places-in-adult-services",
        "title": "Making places flexible in services for adults",
        "summary": (
            "A medicalised home and a specialised care home look for levers within their reach "
            "— staffing, organisation, premises — to offer short stays, shared flats and trial "
            "stays to young adults waiting for a place."
        ),
        "delay": "2 years",
        "calendar": "Needs analysis early 2027, roadmap by summer 2027",
        "context": CALL_CONTEXT
        + "Waiting lists of services for adults include many young people coming from "
        "medico-educational institutes.",
        "objectives": [
            "Analyse the needs of young people on the waiting list",
            "Widen the range of housing and services",
            "Keep part of the activity for trial stays",
        ],
        "leads": [REGIONAL, ("Management of the La Source medicalised home", "Steering")],
        "participants": ["Residents’ representatives on the council, day and night teams"],
        "steps": [
            ("Assessment", ["Analyse the requests on the waiting list", "List the levers"]),
            ("Roadmap", ["Plan shared flats, short stays and trial stays"]),
        ],
        "resources": ["Expert support in leading change"],
        "deliverables": ["Operational roadmap"],
        "milestones": ["Roadmap approved"],
        "indicators": [("Short-stay places", "places")],
        "tags": ["short stays", "shared flats", "flexibility"],
        "contact_organisation": CONTACT_ORGANISATION,
    },
    "situations-complexes-comportements-defis-mas": {
        "slug": "complex-situations-without-breakdown",
        "title": "Taking in complex situations without breakdown: strengthening a care home",
        "summary": (
            "A multidisciplinary support team (psychiatrist, neuropsychologist, senior nurse, "
            "architect) helps a specialised care home rethink its organisation, its procedures "
            "for challenging behaviour and the physical and psychiatric follow-up of each "
            "resident."
        ),
        "delay": "12 to 24 months",
        "calendar": "Review of the current situation in the first quarter of 2026, three-year "
        "strategy",
        "context": CALL_CONTEXT
        + "Establishments that take in critical situations want to keep people’s care "
        "continuous without putting residents or staff at risk.",
        "objectives": [
            "Find strengths and weak points: premises, team, training, partnerships",
            "Equip the team to analyse serious incidents and challenging behaviour",
            "Make sure physical and psychiatric health checks happen regularly",
        ],
        "leads": [REGIONAL, ("Management of the Les Cévennes care home", "Steering")],
        "participants": ["Families and carers", "The area’s mobile psychiatry team"],
        "steps": [
            ("Review", ["Analyse the situations taken in and the incidents"]),
            (
                "Strategy",
                [
                    "Rethink how tasks are shared and how teams are supported",
                    "Write crisis management procedures",
                    "Sign agreements with psychiatry and a coordinating doctor",
                ],
            ),
        ],
        "resources": ["Good-practice guidelines on behaviour that challenges"],
        "deliverables": ["Short, medium and long-term strategy", "Crisis procedures"],
        "milestones": ["Review presented"],
        "indicators": [
            ("Serious adverse events", "per quarter"),
            ("Residents with a yearly physical health check", "%"),
        ],
        "tags": ["challenging behaviour", "adverse events", "physical health care"],
        "contact_organisation": CONTACT_ORGANISATION,
    },
    "design-social-bati-esms": {
        "slug": "rethinking-buildings-with-residents",
        "title": "Rethinking buildings with the people who live in them: a social design approach",
        "summary": (
            "Workshops with residents, families and teams transform spaces in an institute and "
            "a residential home: small changes first, then the specifications of a refurbishment "
            "grounded in what users know."
        ),
        "delay": "1 year for the changes to the premises",
        "calendar": "Workshops in the first half of 2027",
        "context": CALL_CONTEXT
        + "The call also invites architects and designers to work on people’s surroundings.",
        "objectives": [
            "Support self-determination through the way places are laid out",
            "Improve the teams’ working conditions",
            "Prepare the specifications of a refurbishment",
        ],
        "leads": [REGIONAL, ("Pyrène, the provider association", "Project owner")],
        "participants": [
            "Residents, residents’ council, families, teams, a designer and an architect"
        ],
        "steps": [
            ("Immersion", ["Observe how places are used at different times of day"]),
            ("Workshops", ["Prototype the changes with the residents"]),
        ],
        "resources": ["Service designers and a specialised architect"],
        "deliverables": ["Refurbishment specifications"],
        "milestones": ["Specifications handed over"],
        "indicators": [("Spaces redesigned", "spaces")],
        "tags": ["social design", "user expertise", "architecture"],
        "contact_organisation": CONTACT_ORGANISATION,
    },
    "pair-emulation-managers-esms": {
        "slug": "peer-exchange-for-managers",
        "title": "A peer-exchange space for directors and heads of service",
        "summary": (
            "Twelve managers of medico-social services going through a transformation plan meet "
            "every month, in person or online, to compare their difficulties and their solutions "
            "for as long as their support lasts."
        ),
        "delay": "18 months",
        "calendar": "One session a month, one seminar every six months",
        "context": CALL_CONTEXT
        + "Leading deep change isolates managers; the call provides for spaces where they "
        "support each other over time.",
        "objectives": [
            "Break managers’ isolation",
            "Capitalise what works from one establishment to another",
        ],
        "leads": [REGIONAL],
        "participants": [
            "Directors and heads of service of twelve services",
            "A trained facilitator",
        ],
        "steps": [
            ("Launch", ["Form the group", "Agree on confidentiality rules"]),
            ("Sessions", ["Study a situation brought by a member at each session"]),
        ],
        "resources": ["A closed discussion space on this site"],
        "deliverables": ["Anonymised summaries of the sessions"],
        "milestones": ["First session", "First seminar"],
        "indicators": [("Average attendance at sessions", "%")],
        "tags": ["peer exchange", "management", "co-development"],
        "contact_organisation": CONTACT_ORGANISATION,
    },
}
