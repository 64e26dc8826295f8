"""The shared helper of the meetings tests: records of sentences written for them."""

import diplomex

PUBLISHED = "2025-03-12"  # a Wednesday


def meetings(text, published=PUBLISHED):
    return diplomex.extract(text, published=published).meetings
