"""diplomex: structured data on diplomatic meetings from German news text.

>>> import diplomex
>>> record = diplomex.extract(text, published="2025-02-28")
>>> record.meetings, record.people, record.quotes, record.dates, record.locations
"""

from .extract import build_record, extract, make_doc
from .pipeline import ModelNotFoundError, add_components, load
from .records import ArticleRecord, DateMention, Location, Meeting, Person, Quote

__version__ = "0.1.0"

__all__ = [
    "ArticleRecord",
    "DateMention",
    "Location",
    "Meeting",
    "ModelNotFoundError",
    "Person",
    "Quote",
    "__version__",
    "add_components",
    "build_record",
    "extract",
    "load",
    "make_doc",
]
