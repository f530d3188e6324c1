"""Texts and figures of the demo practices section, kept apart from the code that loads them.

Written from the facts of the documents in `shared/seeds/` (the Auvergne-Rhône-Alpes
ITEP roadmap, the Occitanie call, the Communauté 360 call, the pioneer-sites
mission); people, establishments and FINESS serials are fictitious.

A practice sheet is a dict: prose fields are strings (one paragraph), list
fields are lists of strings (a bulleted list), `steps` is a list of
`(phase title, [steps])`, `leads` a list of `(level, organisation, role)`,
`indicators` a list of `(name, unit, baseline, target, latest, latest date)`,
`establishments` a list of `(département, six-digit serial, name)` whose check
digit is computed on loading, dates are ISO strings.
"""
