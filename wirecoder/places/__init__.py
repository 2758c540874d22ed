"""Places: an offline gazetteer built from packages plus curated French names, and the resolution of place
mentions against it (docs/places.md)."""

from .gazetteer import Gazetteer, Place, load_gazetteer
from .names import place_key

__all__ = ["Gazetteer", "Place", "load_gazetteer", "place_key"]
