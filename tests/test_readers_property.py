"""Property tests: no input makes the readers raise, and a bad record never half-writes the store."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from wirecoder.article import Article
from wirecoder.pipeline import Pipeline
from wirecoder.readers import Skip, SkipLog, read_paths
from wirecoder.store import Store
from wirecoder.store.tables import articles as articles_table

DATE_FORMS = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d{2}"),
              "day": re.compile(r"\d{4}-\d{2}-\d{2}")}
MAX_BYTES = 5_000


def check_article(art: Article) -> None:
    assert isinstance(art, Article)
    assert isinstance(art.id, str) and art.id.strip()
    assert isinstance(art.text, str) and art.text.strip()
    assert len(art.text.encode("utf-8")) <= MAX_BYTES
    if art.date is None:
        assert art.date_precision is None
    else:
        assert art.date_precision in DATE_FORMS
        assert DATE_FORMS[art.date_precision].fullmatch(art.date), (art.date, art.date_precision)


def run(paths, **kw) -> tuple[list[Article], SkipLog]:
    skips = SkipLog()
    arts = list(read_paths([str(p) for p in paths], skips=skips, max_bytes=MAX_BYTES, **kw))
    for art in arts:
        check_article(art)
    for skip in skips.skips:
        assert isinstance(skip, Skip) and skip.reason and skip.message
    return arts, skips


# Bytes that look somewhat like each kind of input, plus pure noise.
WIRE_BYTES = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda head, body: head + body,
              st.sampled_from([b"", b"date ", b" date 2023-12\n", b"date 2024-02-30 ", b"DATE: 2023\n",
                               b"date 2023-12-08T10:00:00Z\n", b"\xef\xbb\xbfdate 1999-1-2 ", b"date \n"]),
              st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))),
)
HTML_BYTES = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda title, date, paras: (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='{date}'>"
        f"</head><body><article>{''.join(f'<p>{p}</p>' for p in paras)}</article></body></html>"
    ).encode("utf-8", "surrogatepass"),
        st.text(max_size=40),
        st.one_of(st.sampled_from(["2024-03-14T10:00:00Z", "2023-12-08", "2023-02-30", "14/03/2024"]),
                  st.text(max_size=30)),
        st.lists(st.text(max_size=200), max_size=4)),
)


@settings(max_examples=150, deadline=None)
@given(wire=WIRE_BYTES, jsonl=st.binary(max_size=400), html=HTML_BYTES)
def test_random_bytes_never_raise(wire, jsonl, html):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "w.txt").write_bytes(wire)
        (d / "j.jsonl").write_bytes(jsonl)
        (d / "h.html").write_bytes(html)
        arts, skips = run([d / "w.txt", d / "j.jsonl", d / "h.html"])
        # Each single-article file gives exactly one article or one skip.
        ids = [a.id for a in arts]
        for name in ("w.txt", "h.html"):
            stem = name.split(".")[0]
            assert ids.count(stem) + sum(1 for s in skips.skips if s.source == str(d / name)) == 1


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_stdin_never_raises(data):
    import io
    run(["-"], stdin=io.BytesIO(data))


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                 st.dictionaries(st.text(max_size=5), inner,
                                                                                 max_size=3)),
                           max_leaves=6)
FIELDS = ("id", "date", "title", "text", "url", "source")
DATES = st.one_of(st.none(), st.sampled_from(["2023", "2023-12", "2023-12-08", "2024-02-29", "2023-02-29",
                                               "2023-13", "2023-1-5", "0000", "2023-12-08T09:30:00+01:00",
                                               "", "hier"]), JSON_VALUES)
VALID_RECORD = st.fixed_dictionaries(
    {"id": st.one_of(st.text(min_size=1, max_size=8), st.integers(0, 50)),
     "text": st.text(min_size=1, max_size=200)},
    optional={"date": DATES, "title": st.one_of(st.none(), st.text(max_size=30)),
              "url": st.one_of(st.none(), st.text(max_size=20)),
              "source": st.one_of(st.none(), st.text(max_size=10))})
RANDOM_RECORD = st.dictionaries(st.sampled_from((*FIELDS, "extra")), JSON_VALUES, max_size=7)


@st.composite
def json_line(draw) -> str:
    kind = draw(st.sampled_from(["valid", "random", "truncated", "value", "garbage"]))
    if kind == "valid":
        return json.dumps(draw(VALID_RECORD), ensure_ascii=draw(st.booleans()))
    if kind == "random":
        return json.dumps(draw(RANDOM_RECORD), ensure_ascii=draw(st.booleans()))
    if kind == "truncated":
        full = json.dumps(draw(VALID_RECORD), ensure_ascii=False)
        return full[: draw(st.integers(1, max(1, len(full) - 1)))]
    if kind == "value":
        return json.dumps(draw(JSON_VALUES))
    return draw(st.text(alphabet=st.characters(blacklist_characters="\n\r"), max_size=40))


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(json_line(), max_size=12), via_stdin=st.booleans())
def test_random_json_lines_are_all_accounted_for(lines, via_stdin):
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"
    non_blank = sum(1 for raw in data.split(b"\n") if raw.strip())
    if via_stdin:
        import io
        if data.lstrip()[:1] != b"{":
            data = b'{"id": "lead", "text": "Un texte."}\n' + data
            non_blank += 1
        arts, skips = run(["-"], stdin=io.BytesIO(data))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "lot.jsonl"
            path.write_bytes(data)
            arts, skips = run([path])
    assert len(arts) + len(skips) == non_blank
    assert len({a.id for a in arts}) == len(arts)
    assert all(s.line is not None or s.reason == "duplicate-id" for s in skips.skips)


# -- no partial write ----------------------------------------------------------------------------

PHRASES = [
    "Le ministre irakien des Affaires étrangères a reçu jeudi son homologue iranien à Bagdad.",
    "Des affrontements ont éclaté dans la nuit près de Goma, selon une source sécuritaire.",
    "L'ONU a appelé à un cessez-le-feu immédiat.",
    "(Kiev) Les forces ukrainiennes ont abattu douze drones, a indiqué l'armée de l'air.",
    "KIEV, 12 mars 2024 (AFP) - Le président ukrainien a limogé son chef d'état-major.",
    "AFP",
    "« Nous ne céderons pas », a déclaré le porte-parole du gouvernement.",
]
GOOD_TEXT = st.one_of(
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4).map("\n\n".join),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n \t"),
            min_size=1, max_size=120).filter(str.strip),
)
MALFORMED = st.sampled_from([
    '{"id": "m1", "text": "Tronqué',
    '{"id": "m2", "date": "2023-13", "text": "Une date impossible."}',
    '{"id": "m3", "date": "2023-02-30", "text": "Une autre date impossible."}',
    '{"id": "m4", "text": 12}',
    '{"text": "Sans identifiant."}',
    '{"id": "m5", "text": "   "}',
    '["m6", "pas un objet"]',
    '{"id": "m7", "title": 3, "text": "Titre numérique."}',
    'pas du JSON',
])


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """A migrated empty database, copied for each example (migrating costs more than copying)."""
    path = tmp_path_factory.mktemp("db") / "template.db"
    Store("sqlite:///" + str(path)).close()
    return path


def ingest(db: Path, paths: list[Path]) -> tuple[dict[str, str], SkipLog, list[Article]]:
    skips = SkipLog()
    arts = list(read_paths([str(p) for p in paths], skips=skips, max_bytes=MAX_BYTES))
    by_id = {a.id: a for a in arts}
    outcomes: dict[str, str] = {}
    with Store("sqlite:///" + str(db)) as store:
        for doc in Pipeline(stages=["structure"]).process(arts, skips):
            outcomes[doc.id] = store.write(doc, by_id[doc.id].content_hash)
    return outcomes, skips, arts


@settings(max_examples=150, deadline=None)
@given(good=st.lists(st.tuples(st.sampled_from(["2023", "2023-12", "2024-03-14", None]), GOOD_TEXT),
                     min_size=1, max_size=6),
       bad=st.lists(MALFORMED, min_size=1, max_size=5), order=st.randoms(use_true_random=False))
def test_no_partial_write(template_db, good, bad, order):
    records = [json.dumps({"id": f"g{i}", "date": date, "title": None, "text": text}, ensure_ascii=False)
               for i, (date, text) in enumerate(good)]
    lines = records + bad
    order.shuffle(lines)
    expected = {f"g{i}": text for i, (_, text) in enumerate(good)}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        db = d / "t.db"
        shutil.copy(template_db, db)
        (d / "lot.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (d / "depeche.txt").write_text("date 2023-13\nLe sommet s'ouvre à Niamey.", encoding="utf-8")

        outcomes, skips, _ = ingest(db, [d / "lot.jsonl", d / "depeche.txt"])
        assert outcomes == {i: "added" for i in expected}
        assert len(skips) == len(bad) + 1
        assert "stage-error" not in skips.counts()

        with Store("sqlite:///" + str(db)) as store, store.engine.connect() as conn:
            rows = dict(conn.execute(select(articles_table.c.id, articles_table.c.text)).all())
        assert rows == expected  # exactly the good ids, each with its full text

        again, skips2, _ = ingest(db, [d / "lot.jsonl", d / "depeche.txt"])
        assert again == {i: "unchanged" for i in expected}
        assert skips2.counts() == skips.counts()
