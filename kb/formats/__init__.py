"""Date and number formats that differ from Django's for a language of the site.

English pages read dates the British way, day before month and a 24-hour clock
(« 28 January 2027, 9:00 »), as French readers of the same page expect; French
keeps Django's own formats.
"""
