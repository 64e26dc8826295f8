"""Quickstart: extract the structured record of a German news article written for this example.

Run: python examples/quickstart.py
"""

import json
from pathlib import Path

import diplomex

text = (Path(__file__).parent / "article_de.txt").read_text(encoding="utf-8")
record = diplomex.extract(text, published="2025-11-19", id="example-1")

for meeting in record.meetings:
    print(f"{meeting.type:<8} {meeting.status:<9} {', '.join(meeting.participants) or '-'}"
          f"  in {meeting.location or '?'}  on {meeting.date or '?'}  follow-up: {meeting.follow_up}")
for quote in record.quotes:
    print(f"„{quote.text[:60]}“ — {quote.speaker or 'no named speaker'} (as written: {quote.speaker_mention or '-'})")
print()
print(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
