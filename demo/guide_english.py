"""English version of the guide's newest edition, keyed like its French chapters."""

from demo.guide_data import callout, heading, paragraph

GUIDE_TITLE = "Methodological guide to local deployment"

EDITION = {
    "slug": "methodological-guide-2025",
    "edition": "2025 edition",
    "intro": (
        "This guide draws the lessons of the pioneer territories for the départements that "
        "now take up the “a supported answer for everyone” approach. It follows the steps "
        "of a local deployment, from agreeing on objectives to evaluation and capitalisation."
    ),
    "revision_notes": (
        "Three new chapters: roadmap, local agreements, evaluation and capitalisation.\n"
        "The chapter on the territorial assessment now includes mapping of services."
    ),
}

CHAPTERS = {
    "objectifs": {
        "slug": "objectives",
        "title": "Agreeing on objectives",
        "summary": (
            "Before setting anything up, partners agree on what they want to change for "
            "people and on how they will see that it has changed."
        ),
        "body": [
            heading("Start from real situations"),
            paragraph(
                "The objectives that rally people best come from concrete cases: a young "
                "person left with no place after an ITEP, a family waiting months for a "
                "place, a break in support when a young person comes of age.",
                "Going through a few anonymised situations together lets everyone see what "
                "gets stuck, beyond each institution’s point of view.",
            ),
            heading("Set objectives that can be checked"),
            paragraph(
                "A useful objective can be checked: fewer breakdowns in care, shorter "
                "response times, overall support plans drawn up with the person. Each "
                "objective gets one or two indicators from the start."
            ),
            heading("What the pioneer territories say", "h3"),
            paragraph(
                "Territories that took time over this step say they saved time later: "
                "disagreements come up early, when they cost little."
            ),
            callout(
                "Key point",
                "Two or three shared objectives are worth more than a long list nobody follows.",
            ),
        ],
        "easy_read": [
            "Before starting, the partners agree together.",
            "They say what they want to change for people.",
            "They choose how to check that things change.",
        ],
    },
    "pilotage": {
        "slug": "steering",
        "title": "Setting up local steering bodies",
        "summary": (
            "A strategic committee that decides, a project team that moves things on: who "
            "sits on them, how often they meet, and with what mandate."
        ),
        "body": [
            heading("The strategic committee"),
            paragraph(
                "It brings together the disability office (MDPH), the département council, "
                "the regional health agency, the Education ministry and representatives of "
                "people and families. It sets priorities, settles disagreements and reports.",
                "Two or three meetings a year are enough if it receives short, well-prepared "
                "decision notes.",
            ),
            heading("The project team"),
            paragraph(
                "A named project manager, with time genuinely set aside, leads the work "
                "between two committees: working groups, follow-up of actions, reporting "
                "difficulties."
            ),
            heading("Involving the people concerned", "h3"),
            paragraph(
                "Peer support starts with steering: people concerned and families sit with "
                "a vote, and their expenses are paid."
            ),
        ],
    },
    "diagnostic": {
        "slug": "territorial-assessment",
        "title": "Drawing up a territorial assessment",
        "summary": (
            "Measure services and needs, find where care breaks down and which resources "
            "can be called on, so that choices rest on shared facts."
        ),
        "body": [
            heading("Mapping services"),
            paragraph(
                "Establishments and services, authorised and open places, mobile teams, "
                "respite units: a map of services by département shows the gaps better "
                "than a table.",
                "The site’s observatory gives a first picture from the practices that have "
                "been capitalised.",
            ),
            heading("Putting needs into figures"),
            paragraph(
                "Waiting lists, referrals that led nowhere, critical situations examined by "
                "a panel: these data exist, but rarely in one place. The assessment brings "
                "them together and dates them."
            ),
            heading("Finding where care breaks down", "h3"),
            paragraph(
                "Transitions (starting school, coming of age, leaving hospital) are where "
                "most breakdowns happen; the assessment describes them with the "
                "professionals who live through them."
            ),
        ],
        "easy_read": [
            "The partners look at what exists in their area.",
            "They count the places and the services.",
            "They look for where people are left without help.",
        ],
    },
    "feuille-de-route": {
        "slug": "roadmap",
        "title": "Agreeing on ways of working and a roadmap",
        "summary": (
            "Who does what, how situations are passed on, and which actions in which "
            "order: the roadmap makes the project clear to everyone."
        ),
        "body": [
            heading("Written ways of working"),
            paragraph(
                "How situations are referred, the role of the care pathway coordinator, "
                "response times, sharing information within professional confidentiality: "
                "these rules fit in a few pages and are signed by the partners."
            ),
            heading("A roadmap made of action sheets"),
            paragraph(
                "Each action has a lead, objectives, a calendar, steps, resources, "
                "deliverables and indicators. The site’s action sheets can serve as a "
                "template.",
            ),
            callout(
                "Advice",
                "Keep the first year to five or six actions, at least one of which shows a "
                "visible result within six months.",
            ),
        ],
    },
    "contractualisation": {
        "slug": "local-agreements",
        "title": "Writing local agreements",
        "summary": (
            "A partnership agreement, amendments to the multi-year objectives and "
            "resources contracts: writing each partner’s commitments down for the long term."
        ),
        "body": [
            heading("The partnership agreement"),
            paragraph(
                "It sets out the objectives, the steering bodies, the ways of working and "
                "each signatory’s commitments. It is short and can be revised."
            ),
            heading("The contracts of establishments and services"),
            paragraph(
                "The commitments of provider organisations (short-stay places, taking part "
                "in mobile teams, cross-training) go into their multi-year contracts "
                "(CPOM), when these are renewed or through an amendment."
            ),
        ],
    },
    "evaluation": {
        "slug": "evaluation",
        "title": "Evaluating and capitalising",
        "summary": (
            "Follow the indicators, learn from them and share what was learnt: what worked "
            "here should be possible to take up elsewhere."
        ),
        "body": [
            heading("Following the indicators"),
            paragraph(
                "The indicators chosen at the start are read every year, next to their "
                "baseline and target. A simple dashboard shared in committee is worth more "
                "than a report nobody reads."
            ),
            heading("Capitalising"),
            paragraph(
                "Each completed action becomes a good-practice sheet or an experiment "
                "write-up on this site, with its documents. Discussions in the peer-exchange "
                "spaces feed these sheets.",
                "A regional feedback seminar presents the lessons to the territories that "
                "are starting out.",
            ),
            heading("Spreading", "h3"),
            paragraph(
                "The spreading kit of each experiment write-up gathers in one PDF what is "
                "needed to reproduce a scheme."
            ),
        ],
        "easy_read": [
            "Every year, the partners look at the results.",
            "They write down what worked.",
            "Other areas can do the same thing.",
        ],
    },
}
