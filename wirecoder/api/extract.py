"""``POST /api/extract``: annotate a pasted article; with ``store=true`` (and the token) also store it."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import InputError, InvalidParameter
from ..readers.jsonl import parse_record
from .extract_worker import ExtractBusy, ExtractTimeout
from .guards import check_token

router = APIRouter(prefix="/api")


class PastedArticle(BaseModel):
    text: str = Field(description="The article's text, as it would be in a wire file.")
    date: str | None = Field(None, description="Publication date: ISO day, month (2023-12) or year.")
    title: str | None = None
    id: str | None = Field(None, description="An id; by default one made from the text.")
    source: str | None = None
    url: str | None = None


@router.post("/extract")
def extract(request: Request, body: PastedArticle,
            store: Annotated[bool, Query(description="Also write the Document (needs the token).")] = False,
            ) -> dict[str, Any]:
    """The Document of one pasted article: events, quotes, actors, places and dates with their offsets."""
    settings = request.app.state.settings
    if store:
        check_token(request, settings["api.token"])
    record = body.model_dump()
    record["id"] = body.id or "pasted-" + hashlib.sha256(body.text.encode()).hexdigest()[:12]
    try:
        article = parse_record(record, source="request", line=1, max_bytes=settings["input.max_text_bytes"])
    except InputError as exc:
        raise InvalidParameter(exc.field or "body", exc.detail) from None
    try:
        document = request.app.state.annotate(settings, article)
    except ExtractBusy as exc:
        raise HTTPException(503, str(exc)) from None
    except ExtractTimeout as exc:
        raise HTTPException(504, str(exc)) from None
    if store:
        request.app.state.store.write(document, article.content_hash)
    return document.to_dict()
