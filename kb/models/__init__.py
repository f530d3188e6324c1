from .guide import GuideChapterPage, GuidePage
from .library import DocumentClassification, DocumentLibraryPage
from .pages import ContentPage, HomePage
from .pdfs import PagePdf
from .profiles import Profile
from .seminars import SeminarIndexPage, SeminarPage, SeminarPageTag, SeminarSession
from .settings import FooterSettings
from .taxonomy import Audience, Department, EstablishmentType, Region, Theme

__all__ = [
    "Audience",
    "ContentPage",
    "Department",
    "DocumentClassification",
    "DocumentLibraryPage",
    "EstablishmentType",
    "FooterSettings",
    "GuideChapterPage",
    "GuidePage",
    "HomePage",
    "PagePdf",
    "Profile",
    "Region",
    "SeminarIndexPage",
    "SeminarPage",
    "SeminarPageTag",
    "SeminarSession",
    "Theme",
]
