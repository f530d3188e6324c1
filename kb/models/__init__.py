from .pages import ContentPage, HomePage
from .profiles import Profile
from .settings import FooterSettings
from .taxonomy import Audience, Department, EstablishmentType, Region, Theme

__all__ = [
    "Audience",
    "ContentPage",
    "Department",
    "EstablishmentType",
    "FooterSettings",
    "HomePage",
    "Profile",
    "Region",
    "Theme",
]
