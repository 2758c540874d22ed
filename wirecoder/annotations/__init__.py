"""The typed records the later stages add to a Document (events, quotes, places, time expressions).

Each is made by its stage and read by attribute everywhere after it; ``to_dict``/``from_dict`` are the JSON
edge (``schema/document.schema.json``), and ``to_dict`` writes the keys in the schema's documented order.
"""

from .events import Event, EventMention, EventRole, EventTrigger, Offsets, TextSpan
from .places import Place
from .quotes import Quote, QuoteCue, QuoteSpeaker
from .timexes import Timex

__all__ = ["Event", "EventMention", "EventRole", "EventTrigger", "Offsets", "Place", "Quote", "QuoteCue",
           "QuoteSpeaker", "TextSpan", "Timex"]
