"""Site-core models, one module per concern; import them from here."""

from .images import CustomDocument, CustomImage, CustomRendition
from .mixins import HeroMixin, SeoMixin, TaggedPageMixin
from .pages import ConventionIndexPage, ConventionPage, HomePage, ProvinceIndexPage, StandardPage
from .people import Organisation, Person
from .taxonomy import Channel, ContentArea, Convention, PageProvince, ProductType, Province, Topic

__all__ = [
    "Channel",
    "ContentArea",
    "Convention",
    "ConventionIndexPage",
    "ConventionPage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HeroMixin",
    "HomePage",
    "Organisation",
    "PageProvince",
    "Person",
    "ProductType",
    "Province",
    "ProvinceIndexPage",
    "SeoMixin",
    "StandardPage",
    "TaggedPageMixin",
    "Topic",
]
