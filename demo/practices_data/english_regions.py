"""English versions of sheets from Auvergne-Rhône-Alpes (roadmap action 1), Pays de la Loire
and the “a supported answer for everyone” approach, keyed by French slug."""

from demo.practices_data.english_sheets import ROADMAP_CONTEXT

C360_CONTEXT = (
    "Announced at the national disability conference of 11 February 2020 and launched in a "
    "hurry during the first lockdown, the “Communautés 360” (one-stop support networks) became "
    "permanent from September 2020. In Pays de la Loire, the ARS, the disability offices and "
    "the département councils chose to draw on what already existed rather than add one more "
    "scheme. "
)

PDL = (
    "Health services and autonomy directorate, ARS Pays de la Loire",
    "Funding, regional framework and follow-up",
)

AUTONOMY_ARA = "Autonomy directorate, ARS Auvergne-Rhône-Alpes"

SHEETS = {
    "observation-besoins-public-ditep": {
        "slug": "yearly-review-of-needs",
        "title": "1.1 — Reviewing every year the needs of young people supported by integrated "
        "ITEPs",
        "summary": (
            "The ARS publishes a regular summary of how the young people referred to integrated "
            "ITEPs are changing, from the data of the disability offices, of ViaTrajectoire and "
            "of providers, to adjust services and training plans."
        ),
        "delay": "More than a year",
        "calendar": "First summary at the end of 2018, then one every two years",
        "context": ROADMAP_CONTEXT
        + "Without shared observation, each département adjusted its services blindly.",
        "objectives": [
            "Have an up-to-date picture of needs to make the integrated services evolve",
            "Follow changes in the young people supported to adapt the teams’ training",
        ],
        "leads": [
            (
                AUTONOMY_ARA,
                "Regional framework, methodological support and follow-up of progress in the "
                "départements",
            ),
        ],
        "participants": [
            "Service planning unit and medico-social quality unit",
            "Disability offices of the twelve départements, asked for referral data",
        ],
        "steps": [
            (
                "Framing",
                [
                    "Set the outline of the yearly report and the list of indicators",
                    "Agree with the disability offices on the extracts they provide",
                ],
            ),
            (
                "Collection and analysis",
                [
                    "Extract referrals and waiting lists from ViaTrajectoire",
                    "Add interviews with families, young people and teams",
                ],
            ),
        ],
        "resources": [
            "Data from ViaTrajectoire, the disability offices, Compilio and Serafin-PH",
            "Support from a regional disability study centre (CREAI) or a consultancy",
        ],
        "deliverables": ["Summary of changing needs, published online"],
        "milestones": [
            "First regional summary published",
            "Second summary, with a qualitative part",
            "Fourth summary",
        ],
        "indicators": [
            ("Summaries published", "summaries"),
            ("Départements with complete data", "départements"),
        ],
        "tags": ["observatory", "ViaTrajectoire", "needs"],
        "contact_organisation": AUTONOMY_ARA,
    },
    "adaptation-offre-zones-blanches": {
        "slug": "covering-areas-without-services",
        "title": "1.2 — Adapting services and authorisations to cover areas without services",
        "summary": (
            "In the Cantal, Haute-Loire and Allier départements, a review of the ways young people "
            "are taken in led to revised age and sex authorisations, new home-support places and "
            "classes run inside ordinary schools where nothing existed before."
        ),
        "delay": "3 to 5 years",
        "calendar": "Interim review halfway through the regional health plan",
        "context": ROADMAP_CONTEXT
        + "The 2016 assessments showed rural areas with no day care or outpatient support, and "
        "ITEPs open to boys only.",
        "objectives": [
            "Make at least four ways of support available everywhere: day, night, outpatient "
            "and prevention",
            "Cover the region with respite solutions and mobile teams",
            "Open every ITEP to girls as well as boys",
            "Relax age brackets so that support is not cut short",
        ],
        "leads": [
            (
                "Service planning unit, autonomy directorate, ARS Auvergne-Rhône-Alpes",
                "Steering the action and regional consolidation",
            ),
            (
                "Local offices of the ARS Auvergne-Rhône-Alpes",
                "Local roll-out, working with partners and follow-up on the ground",
            ),
        ],
        "participants": [
            "Heads of ITEPs and home-support services in the three départements",
            "Child psychiatry, the Education ministry, child welfare and youth justice, "
            "consulted through a questionnaire",
        ],
        "steps": [
            (
                "Phase 1 — Review",
                [
                    "List by questionnaire each ITEP’s authorisations, accommodation and support",
                    "Compare with the services of medico-educational institutes and the "
                    "disability office’s waiting lists",
                    "Map where young people come from to find areas without services",
                ],
            ),
            (
                "Phase 2 — Adaptation",
                [
                    "Revise age and sex authorisations in line with the regional health plan",
                    "Create home-support and day places, or sign agreements between ITEPs",
                    "Offer mobile relay teams for areas without services",
                ],
            ),
        ],
        "resources": [
            "Summaries by département written in 2016 by the Alcimed consultancy",
            "The ARS’s map of care pathway areas",
            "Data on where young people come from, provided by the disability offices",
        ],
        "deliverables": [
            "Amended authorisation orders",
            "Partnership agreements between ITEPs run by different providers",
        ],
        "milestones": [
            "Reviews completed in each département",
            "Sex authorisations revised in every ITEP concerned",
            "Last area without services covered by a mobile team",
        ],
        "indicators": [
            ("Areas without services now covered", "%"),
            ("ITEPs taking in girls and boys", "%"),
            ("Classes run inside ordinary schools", "classes"),
        ],
        "tags": ["areas without services", "authorisation", "mixed groups"],
        "contact_organisation": AUTONOMY_ARA,
    },
    "ateliers-design-communaute-360": {
        "slug": "designing-a-communaute-360-in-workshops",
        "title": "Designing a Communauté 360 in design workshops",
        "summary": (
            "Before writing the specifications, the ARS, the disability offices and the "
            "départements brought together people concerned, carers and professionals in design "
            "workshops: a regional workshop, then cycles in Loire-Atlantique and Maine-et-Loire "
            "in 2021."
        ),
        "delay": "8 months",
        "calendar": "Workshops from February to September 2021, call published in October 2021",
        "context": C360_CONTEXT
        + "The method was modelled between September 2020 and January 2021.",
        "objectives": [
            "Start from the needs that people and stakeholders express",
            "Build shared governance, with no single lead organisation",
        ],
        "leads": [
            PDL,
            ("Loire-Atlantique disability office", "Co-leading the workshops in the 44"),
            ("Maine-et-Loire disability office", "Co-leading the workshops in the 49"),
        ],
        "participants": ["Disabled people, carers, medico-social services, mainstream services"],
        "steps": [
            ("Regional workshop", ["A workshop across départements on 15 February 2021"]),
            (
                "Cycles in each département",
                [
                    "Loire-Atlantique: workshops from May to July 2021",
                    "Maine-et-Loire: workshops from April to September 2021",
                ],
            ),
            ("Turning it into rules", ["Write interim specifications for the call"]),
        ],
        "resources": ["A map of the existing coordination schemes"],
        "deliverables": ["Interim specifications of the call for expressions of interest"],
        "milestones": [
            "Workshop across départements",
            "Call for expressions of interest published",
        ],
        "indicators": [("Workshop participants", "people")],
        "tags": ["service design", "Communauté 360", "shared governance"],
        "contact_organisation": "Loire-Atlantique local office, ARS Pays de la Loire",
    },
    "intervenants-pairs-communaute-360": {
        "slug": "peer-workers-in-a-communaute-360",
        "title": "Bringing peer workers into a Communauté 360",
        "summary": (
            "Trained disabled people work in the Communauté 360 team: supporting "
            "self-determination, advising on care pathways and contributing to the observatory "
            "of needs."
        ),
        "delay": "1 year",
        "calendar": "Recruitment in 2022, review in 2024",
        "context": C360_CONTEXT
        + "Drawing on lived experience is a requirement of the Pays de la Loire specifications.",
        "objectives": [
            "Give lived experience a place in all three missions",
            "Make it easier for people to express their life plans",
        ],
        "leads": [PDL, ("Loire-Atlantique Communauté 360", "Recruitment and mentoring")],
        "participants": ["Pathway advisers, facilitators, partner peer-support groups"],
        "steps": [
            ("Recruitment", ["Define the role", "Recruit and train two peer workers"]),
            ("Integration", ["Pairs with pathway advisers", "Monthly supervision"]),
        ],
        "resources": ["0.5 FTE of peer worker provided for in the team model"],
        "deliverables": ["Peer worker role description", "Two-year review"],
        "milestones": ["Two peer workers in post"],
        "indicators": [("People supported with a peer worker", "people/year")],
        "tags": ["peer support", "lived experience", "self-determination"],
        "contact_organisation": "Loire-Atlantique Communauté 360",
    },
    "demarrage-reponse-accompagnee-pour-tous": {
        "slug": "starting-a-supported-answer-for-everyone",
        "title": "Starting “a supported answer for everyone” in a département",
        "summary": (
            "How a département launched the approach: local steering bodies, a territorial "
            "assessment, a roadmap and local agreements, with individual support limited to "
            "twelve days per territory."
        ),
        "delay": "1 year",
        "calendar": "Start in 2016, review at the end of 2017",
        "context": (
            "The national solidarity fund for autonomy (CNSA) asked a contractor to steer and "
            "support the pioneer sites of “a supported answer for everyone”, to capitalise on "
            "their experience before the approach was rolled out everywhere."
        ),
        "objectives": [
            "Set up shared local steering around the disability office",
            "Write down the assessment, the ways of working and the roadmap",
        ],
        "leads": [
            ("Finistère disability office", "Local steering"),
            ("ARS Bretagne", "Regional support and follow-up"),
        ],
        "participants": [
            "Département council, Education ministry, medico-social services, associations"
        ],
        "steps": [
            ("Framing", ["Agree on objectives", "Set up the steering bodies"]),
            ("Writing it down", ["Territorial assessment", "Roadmap", "Local agreements"]),
        ],
        "resources": ["National follow-up tool", "Individual support from the mission"],
        "deliverables": ["Local roadmap", "Local agreement"],
        "milestones": ["First overall support plans"],
        "indicators": [("Overall support plans", "plans")],
        "tags": ["supported answer for everyone", "overall support plan", "disability office"],
        "contact_organisation": "Finistère disability office",
    },
}
