"""Readers: wire text, JSON Lines, HTML, folders, stdin, and every kind of bad input as a counted skip."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import ClassVar

import pytest

from wirecoder.readers import Skip, SkipLog, read_paths

STORY_BAGDAD = ("Les États-Unis ont mené une frappe contre une milice pro-iranienne près de Bagdad, "
                "a annoncé le Pentagone.\n\nAucune victime civile n'a été signalée.")
STORY_KIEV = "Le ministre ukrainien des Affaires étrangères s'est rendu mardi à Bruxelles."
STORY_NIAMEY = "La junte au pouvoir au Niger a annoncé la fermeture de la frontière avec le Bénin."


def read(paths, *, max_bytes: int = 1_000_000, stdin=None):
    skips = SkipLog()
    arts = list(read_paths([str(p) for p in paths], skips=skips, max_bytes=max_bytes, stdin=stdin))
    return arts, skips


def only_skip(skips: SkipLog) -> Skip:
    assert len(skips) == 1, skips.skips
    return skips.skips[0]


def write_jsonl(path: Path, records, gz: bool = False) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def good(i: str, text: str = STORY_KIEV, **extra) -> dict:
    return {"id": i, "date": "2024-03-12", "title": None, "text": text, **extra}


# -- wire text -----------------------------------------------------------------------------------

class TestWireText:
    def test_header_on_own_line(self, tmp_path):
        raw = "date 2023-12\n" + STORY_BAGDAD + "\n\n  \n"
        (tmp_path / "afp-001.txt").write_text(raw, encoding="utf-8")
        [art], skips = read([tmp_path / "afp-001.txt"])
        assert len(skips) == 0
        assert art.id == "afp-001"
        assert (art.date, art.date_precision) == ("2023-12", "month")
        assert art.text == raw[len("date 2023-12\n"):].rstrip()
        assert art.text == STORY_BAGDAD
        i = art.text.index("Bagdad")
        assert art.text[i:i + len("Bagdad")] == "Bagdad"
        assert art.text[art.text.index("Pentagone"):].startswith("Pentagone.")

    def test_header_sharing_line_with_first_paragraph(self, tmp_path):
        raw = "date 2024-03-14 Le ministre irakien de la Défense a reçu son homologue turc à Bagdad.\n"
        (tmp_path / "w.txt").write_text(raw, encoding="utf-8")
        [art], _ = read([tmp_path / "w.txt"])
        assert (art.date, art.date_precision) == ("2024-03-14", "day")
        assert art.text.startswith("Le ministre")
        assert art.text == raw[len("date 2024-03-14 "):].rstrip()
        assert art.text[art.text.index("Bagdad"):].startswith("Bagdad.")

    def test_leading_space_before_header(self, tmp_path):
        raw = " date 2023-12 Washington a annoncé de nouvelles sanctions contre Téhéran.\n"
        (tmp_path / "w.txt").write_text(raw, encoding="utf-8")
        [art], _ = read([tmp_path / "w.txt"])
        assert (art.date, art.date_precision) == ("2023-12", "month")
        assert art.text == "Washington a annoncé de nouvelles sanctions contre Téhéran."
        assert art.text == raw[len(" date 2023-12 "):].rstrip()

    def test_year_only_and_colon(self, tmp_path):
        (tmp_path / "w.txt").write_text("Date: 2022\n\n" + STORY_NIAMEY, encoding="utf-8")
        [art], _ = read([tmp_path / "w.txt"])
        assert (art.date, art.date_precision) == ("2022", "year")
        assert art.text == STORY_NIAMEY

    def test_no_header(self, tmp_path):
        raw = STORY_BAGDAD + "\n"
        (tmp_path / "sans-date.txt").write_text(raw, encoding="utf-8")
        [art], skips = read([tmp_path / "sans-date.txt"])
        assert len(skips) == 0
        assert art.id == "sans-date"
        assert art.date is None and art.date_precision is None
        assert art.text == STORY_BAGDAD
        assert art.origin == str(tmp_path / "sans-date.txt")

    def test_crlf_and_bom(self, tmp_path):
        raw = "date 2023-12-08\r\nLe président français est arrivé à Dakar.\r\n\r\nIl y rencontrera son homologue."
        (tmp_path / "w.txt").write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
        [art], _ = read([tmp_path / "w.txt"])
        assert art.date == "2023-12-08"
        assert art.text == raw[len("date 2023-12-08\r\n"):]
        assert art.text.startswith("Le président")

    def test_story_starting_with_the_word_date_is_not_a_header(self, tmp_path):
        raw = "Date butoir pour Kiev : le Parlement doit voter la loi sur la mobilisation avant vendredi."
        (tmp_path / "w.txt").write_text(raw, encoding="utf-8")
        arts, skips = read([tmp_path / "w.txt"])
        assert len(skips) == 0, skips.skips
        assert arts[0].text == raw and arts[0].date is None


# -- JSON Lines ----------------------------------------------------------------------------------

class TestJsonl:
    RECORDS: ClassVar[list[dict[str, object]]] = [
        {"id": "a1", "date": "2024-03-12", "title": "Visite à Bruxelles", "text": STORY_KIEV,
         "url": "https://exemple.fr/a1", "source": "AFP"},
        {"id": "a2", "date": None, "title": None, "text": STORY_NIAMEY},
        {"id": 42, "title": "Frappe près de Bagdad", "text": STORY_BAGDAD},
    ]

    def check(self, arts, skips, path):
        assert len(skips) == 0, skips.skips
        a1, a2, a3 = arts
        assert [a.id for a in arts] == ["a1", "a2", "42"]
        assert (a1.date, a1.date_precision) == ("2024-03-12", "day")
        assert (a1.url, a1.source, a1.title) == ("https://exemple.fr/a1", "AFP", "Visite à Bruxelles")
        assert a1.text == STORY_KIEV
        assert a2.date is None and a2.date_precision is None and a2.title is None
        assert a2.url is None and a2.source == str(path)
        assert a3.date is None and a3.title == "Frappe près de Bagdad" and a3.text == STORY_BAGDAD
        assert a3.origin == f"{path}:3"

    @pytest.mark.parametrize("name", ["lot.jsonl", "lot.ndjson", "LOT.JSONL"])
    def test_plain(self, tmp_path, name):
        path = write_jsonl(tmp_path / name, self.RECORDS)
        arts, skips = read([path])
        self.check(arts, skips, path)

    def test_gzip(self, tmp_path):
        path = write_jsonl(tmp_path / "lot.jsonl.gz", self.RECORDS, gz=True)
        arts, skips = read([path])
        self.check(arts, skips, path)

    def test_blank_lines_ignored(self, tmp_path):
        path = tmp_path / "lot.jsonl"
        path.write_text("\n" + json.dumps(good("x")) + "\n   \n\n" + json.dumps(good("y")) + "\n\n",
                        encoding="utf-8")
        arts, skips = read([path])
        assert [a.id for a in arts] == ["x", "y"] and len(skips) == 0
        assert arts[1].origin == f"{path}:5"

    def test_truncated_gzip_keeps_what_was_read(self, tmp_path):
        path = tmp_path / "lot.jsonl.gz"
        data = gzip.compress(("\n".join(json.dumps(good(f"g{i}")) for i in range(50)) + "\n").encode())
        path.write_bytes(data[: len(data) * 2 // 3])
        arts, skips = read([path])
        assert [s.reason for s in skips.skips] == ["unreadable"]
        assert str(path) in skips.skips[0].message
        assert [a.id for a in arts] == [f"g{i}" for i in range(len(arts))]


# -- HTML ----------------------------------------------------------------------------------------

PARAS = [
    "Le Conseil de sécurité des Nations unies s'est réuni jeudi à New York pour examiner un projet de "
    "résolution appelant à un cessez-le-feu immédiat dans la bande de Gaza, selon plusieurs diplomates.",
    "Les États-Unis, qui disposent d'un droit de veto, ont fait savoir qu'ils proposeraient des amendements "
    "au texte présenté par l'Algérie au nom du groupe des pays arabes.",
    "Le vote pourrait intervenir dès vendredi, a indiqué une source diplomatique française sous couvert "
    "d'anonymat.",
]
TITLE = "Gaza : le Conseil de sécurité examine un projet de résolution"


def page(charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="{charset}">
<title>{TITLE}</title>
<meta property="article:published_time" content="2024-03-14T10:00:00Z">
<meta property="og:url" content="https://exemple.fr/monde/gaza-conseil">
<link rel="canonical" href="https://exemple.fr/monde/gaza-conseil">
</head><body>
<nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article><h1>{TITLE}</h1>
{body}
</article>
<footer>© Exemple 2024 - mentions légales</footer>
</body></html>"""


class TestHtml:
    def check(self, art, name):
        assert art.id == name
        assert art.title == TITLE
        assert (art.date, art.date_precision) == ("2024-03-14", "day")
        assert art.url == "https://exemple.fr/monde/gaza-conseil"
        assert art.text == "\n\n".join(PARAS)
        assert "Accueil" not in art.text and "mentions légales" not in art.text
        i = art.text.index("Algérie")
        assert art.text[i:i + 7] == "Algérie"

    def test_utf8_page(self, tmp_path):
        (tmp_path / "gaza.html").write_text(page(), encoding="utf-8")
        [art], skips = read([tmp_path / "gaza.html"])
        assert len(skips) == 0
        self.check(art, "gaza")

    def test_latin1_page_with_charset_meta(self, tmp_path):
        data = page("iso-8859-1").encode("latin-1")
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        (tmp_path / "gaza-latin1.htm").write_bytes(data)
        [art], skips = read([tmp_path / "gaza-latin1.htm"])
        assert len(skips) == 0, skips.skips
        self.check(art, "gaza-latin1")

    def test_page_without_text(self, tmp_path):
        (tmp_path / "vide.html").write_text("<html><head><title>Rien</title></head><body></body></html>")
        (tmp_path / "ok.html").write_text(page())
        arts, skips = read([tmp_path / "vide.html", tmp_path / "ok.html"])
        assert [a.id for a in arts] == ["ok"]
        skip = only_skip(skips)
        assert skip.reason == "empty-text" and "vide.html" in skip.message

    @pytest.mark.parametrize("depth", [100, 300, 1000, 2000])
    def test_deeply_nested_page_keeps_its_text(self, tmp_path, depth):
        """libxml2 drops what lies under 256 nested elements unless the tree is allowed to be huge."""
        html = page().replace("<article>", "<div>" * depth + "<article>").replace("</article>",
                                                                                "</article>" + "</div>" * depth)
        (tmp_path / "gaza.html").write_text(html, encoding="utf-8")
        [art], skips = read([tmp_path / "gaza.html"])
        assert len(skips) == 0, skips.skips
        self.check(art, "gaza")

    def test_page_deeper_than_the_parser_reads_is_named(self, tmp_path):
        html = page().replace("<article>", "<div>" * 3000 + "<article>")
        (tmp_path / "abysse.html").write_text(html, encoding="utf-8")
        (tmp_path / "ok.html").write_text(page())
        arts, skips = read([tmp_path / "abysse.html", tmp_path / "ok.html"])
        assert [a.id for a in arts] == ["ok"]
        skip = only_skip(skips)
        assert skip.reason == "too-deep" and "abysse.html" in skip.message and "2048" in skip.message


# -- encodings and line ends ---------------------------------------------------------------------

WIRE_FR = ("date 2024-03-12\nLYON, 12 mars (AFP) - Le maire de Lyon a annoncé mardi la fermeture de l'école "
           "élémentaire Pasteur, après la découverte d'amiante dans les faux plafonds.\n\n« C'est une décision "
           "difficile mais nécessaire », a déclaré l'élu, qui s'est engagé à reloger les élèves dès la rentrée.\n")
# Windows-1252 only: curly apostrophes, the euro sign, an en dash, an ellipsis, the oe ligature.
WIRE_CP1252 = ("date 2024-03-12\nPARIS, 12 mars (AFP) – Le ministre de l’Économie a présenté mardi « un plan "
               "d’économies » de 10 milliards d’euros… Le coût pour les collectivités atteindrait 2 milliards "
               "d’€, selon Bercy.\n\nLes élus locaux dénoncent une « manœuvre ».\n")


class TestEncodings:
    """A story file in a legacy or Unicode encoding is read, with the encoding noted on the article; a skip
    only when the encoding cannot be told."""

    @pytest.mark.parametrize(("raw", "data", "encoding"), [
        (WIRE_FR, WIRE_FR.encode("utf-8"), None),
        (WIRE_FR, b"\xef\xbb\xbf" + WIRE_FR.encode("utf-8"), None),
        (WIRE_FR, WIRE_FR.encode("utf-16"), "utf-16-le"),  # Python writes the BOM, little-endian here
        (WIRE_FR, b"\xfe\xff" + WIRE_FR.encode("utf-16-be"), "utf-16-be"),
        (WIRE_FR, b"\xff\xfe\x00\x00" + WIRE_FR.encode("utf-32-le"), "utf-32-le"),
        (WIRE_FR, WIRE_FR.encode("latin-1"), "iso-8859-1"),
        (WIRE_CP1252, WIRE_CP1252.encode("cp1252"), "windows-1252"),
        ("date 2024-03-12\nÉté très chaud à Besançon.", "date 2024-03-12\nÉté très chaud à Besançon.".encode("latin-1"),
         "iso-8859-1"),
    ], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "latin-1", "windows-1252",
            "latin-1-short"])
    def test_read_with_its_encoding_noted(self, tmp_path, raw, data, encoding):
        (tmp_path / "depeche.txt").write_bytes(data)
        [art], skips = read([tmp_path / "depeche.txt"])
        assert len(skips) == 0, skips.skips
        assert art.text == raw[len("date 2024-03-12\n"):].rstrip()
        assert (art.date, art.encoding) == ("2024-03-12", encoding)

    @pytest.mark.parametrize(("data", "reason"), [
        ("Zażółć gęślą jaźń, powiedział minister w środę w Warszawie.".encode("cp1250"), "undecodable"),
        ("Министр иностранных дел заявил во вторник в Москве.".encode("koi8-r"), "undecodable"),
        ("Ο υπουργός Εξωτερικών δήλωσε την Τρίτη στην Αθήνα.".encode("iso8859-7"), "undecodable"),
        ("外務大臣は火曜日に東京で記者会見を行った。".encode("shift_jis"), "undecodable"),
        (bytes(range(128, 256)) * 3, "undecodable"),
        (b"\xff\xfe" + b"\x00\xd8" + "texte".encode("utf-16-le"), "undecodable"),  # a lone surrogate after the BOM
        (WIRE_FR.encode("utf-16-le"), "binary"),  # no BOM: NUL bytes, and nothing says which order
    ], ids=["cp1250", "koi8-r", "greek", "shift-jis", "noise", "bad-utf-16", "utf-16-no-bom"])
    def test_unclear_encoding_is_a_skip(self, tmp_path, data, reason):
        (tmp_path / "obscur.txt").write_bytes(data)
        arts, skips = read([tmp_path / "obscur.txt"])
        assert arts == []
        check_skip(skips, reason, tmp_path / "obscur.txt")

    def test_utf16_html_page(self, tmp_path):
        (tmp_path / "gaza.html").write_bytes(page("utf-16").encode("utf-16"))
        [art], skips = read([tmp_path / "gaza.html"])
        assert len(skips) == 0, skips.skips
        assert art.text == "\n\n".join(PARAS)

    def test_stdin_in_windows_1252(self):
        [art], skips = read(["-"], stdin=io.BytesIO(WIRE_CP1252.encode("cp1252")))
        assert len(skips) == 0, skips.skips
        assert art.encoding == "windows-1252" and "manœuvre" in art.text


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_keep_paragraphs_and_dateline(tmp_path, eol):
    from wirecoder.pipeline import Pipeline

    lines = ["date 2024-03-12", "Fermeture d'une école à Lyon", "",
             "LYON, 12 mars (AFP) - Le maire de Lyon a annoncé mardi la fermeture de l'école Pasteur.", "",
             "« C'est une décision difficile », a déclaré l'élu."]
    (tmp_path / "lyon.txt").write_bytes(eol.join(lines).encode("utf-8"))
    [art], _ = read([tmp_path / "lyon.txt"])
    assert art.date == "2024-03-12" and art.text.startswith("Fermeture")
    [doc] = Pipeline(stages=["structure"]).process([art])
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == [lines[1], lines[3], lines[5]]
    assert doc.dateline is not None and doc.dateline.place == "LYON"


# -- folders and missing paths -------------------------------------------------------------------

def test_folder_walk(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a" / "w1.txt").write_text("date 2023-12\n" + STORY_NIAMEY)
    (tmp_path / "a" / "b" / "w2.TXT").write_text(STORY_KIEV)
    write_jsonl(tmp_path / "a" / "b" / "lot.jsonl", [good("j1"), good("j2")])
    (tmp_path / "p.html").write_text(page())
    (tmp_path / ".cachee.txt").write_text(STORY_KIEV)
    (tmp_path / ".cache" / "cached.txt").write_text(STORY_KIEV)
    (tmp_path / "notes.md").write_text("# notes\n")
    arts, skips = read([tmp_path])
    assert sorted(a.id for a in arts) == ["j1", "j2", "p", "w1", "w2"]
    skip = only_skip(skips)
    assert skip.reason == "unsupported" and "notes.md" in skip.message
    assert skips.counts() == {"unsupported": 1}


def test_missing_path_and_good_one(tmp_path):
    (tmp_path / "ok.txt").write_text(STORY_KIEV)
    arts, skips = read([tmp_path / "absent", tmp_path / "ok.txt"])
    assert [a.id for a in arts] == ["ok"]
    skip = only_skip(skips)
    assert skip.reason == "not-found" and "absent" in skip.message


# -- stdin ---------------------------------------------------------------------------------------

class TestStdin:
    def test_jsonl(self):
        data = ("\n" + json.dumps(good("s1")) + "\n" + json.dumps(good("s2", STORY_NIAMEY)) + "\n").encode()
        arts, skips = read(["-"], stdin=io.BytesIO(data))
        assert [a.id for a in arts] == ["s1", "s2"] and len(skips) == 0
        assert arts[1].text == STORY_NIAMEY and arts[1].origin == "<stdin>:3"

    def test_html(self):
        arts, skips = read(["-"], stdin=io.BytesIO(("\n  " + page()).encode()))
        assert len(skips) == 0
        [art] = arts
        assert art.id == "stdin" and art.title == TITLE and art.text == "\n\n".join(PARAS)

    def test_wire_text(self):
        arts, skips = read(["-"], stdin=io.BytesIO(("date 2023-12\n" + STORY_BAGDAD).encode()))
        assert len(skips) == 0
        [art] = arts
        assert art.id == "stdin" and art.date == "2023-12" and art.text == STORY_BAGDAD

    def test_bad_wire_text_is_a_skip(self):
        arts, skips = read(["-"], stdin=io.BytesIO(b"date 2023-13\n" + STORY_KIEV.encode()))
        assert arts == []
        assert only_skip(skips).reason == "bad-date"

    def test_mixed_with_files(self, tmp_path):
        (tmp_path / "f.txt").write_text(STORY_KIEV)
        arts, skips = read([tmp_path / "f.txt", "-"], stdin=io.BytesIO(STORY_NIAMEY.encode()))
        assert [a.id for a in arts] == ["f", "stdin"] and len(skips) == 0


# -- bad input -----------------------------------------------------------------------------------

def check_skip(skips: SkipLog, reason: str, file: Path, *, line: int | None = None,
               field: str | None = None) -> Skip:
    skip = only_skip(skips)
    assert skip.reason == reason, skip
    where = f"{file}:{line}" if line is not None else str(file)
    assert skip.message.startswith(where), skip.message
    if line is not None:
        assert skip.line == line
    if field is not None:
        assert skip.field == field
        assert f"field '{field}'" in skip.message, skip.message
    return skip


class TestBadWireText:
    """Each bad wire file is one skip; the good file in the same batch is still read."""

    def run(self, tmp_path, content: bytes, *, max_bytes: int = 1_000_000):
        bad = tmp_path / "bad.txt"
        bad.write_bytes(content)
        (tmp_path / "good.txt").write_text(STORY_KIEV, encoding="utf-8")
        arts, skips = read([bad, tmp_path / "good.txt"], max_bytes=max_bytes)
        assert [a.id for a in arts] == ["good"]
        return skips, bad

    def test_undecodable(self, tmp_path):
        skips, bad = self.run(tmp_path, "Posłowie głosowali w środę w Warszawie.".encode("cp1250"))
        check_skip(skips, "undecodable", bad)

    def test_binary(self, tmp_path):
        skips, bad = self.run(tmp_path, b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 4)
        check_skip(skips, "binary", bad)

    def test_binary_control_chars_without_nul(self, tmp_path):
        skips, bad = self.run(tmp_path, b"\x01\x02\x03\x04\x05\x06" * 20 + b"texte")
        check_skip(skips, "binary", bad)

    @pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", b"date 2023-12\n\n  \n"])
    def test_empty(self, tmp_path, content):
        skips, bad = self.run(tmp_path, content)
        check_skip(skips, "empty-text", bad, field="text")

    @pytest.mark.parametrize("date", ["2023-13", "2023-02-30", "2023-12-32", "0000", "12-2023", "hier"])
    def test_bad_date(self, tmp_path, date):
        skips, bad = self.run(tmp_path, f"date {date}\n{STORY_NIAMEY}".encode())
        skip = check_skip(skips, "bad-date", bad, line=1, field="date")
        assert date in skip.message

    def test_too_large(self, tmp_path):
        skips, bad = self.run(tmp_path, (STORY_BAGDAD * 3).encode(), max_bytes=200)
        skip = check_skip(skips, "too-large", bad, field="text")
        assert "200" in skip.message

    def test_too_large_file_guard(self, tmp_path):
        skips, bad = self.run(tmp_path, (STORY_NIAMEY + "\n\n").encode() * 200, max_bytes=200)
        check_skip(skips, "too-large", bad)


class TestBadJsonl:
    """Each bad JSON line is one skip naming file, line and field; other lines are still read."""

    def run(self, tmp_path, bad_line: str | bytes, *, max_bytes: int = 1_000_000):
        path = tmp_path / "lot.jsonl"
        bad = bad_line if isinstance(bad_line, bytes) else bad_line.encode("utf-8")
        path.write_bytes(json.dumps(good("ok1")).encode() + b"\n" + bad + b"\n"
                         + json.dumps(good("ok2")).encode() + b"\n")
        arts, skips = read([path], max_bytes=max_bytes)
        assert [a.id for a in arts] == ["ok1", "ok2"]
        return skips, path

    def test_undecodable(self, tmp_path):
        skips, path = self.run(tmp_path, '{"id": "x", "text": "Réunion à Genève"}'.encode("latin-1"))
        check_skip(skips, "undecodable", path, line=2)

    def test_binary(self, tmp_path):
        skips, path = self.run(tmp_path, b'{"id": "x", "text": "a\x00b"}')
        check_skip(skips, "binary", path, line=2)

    @pytest.mark.parametrize("text", ["", "   ", "\n\t "])
    def test_empty_text(self, tmp_path, text):
        skips, path = self.run(tmp_path, json.dumps(good("x", text)))
        check_skip(skips, "empty-text", path, line=2, field="text")

    @pytest.mark.parametrize("date", ["2023-13", "2023-02-30", "demain", ""])
    def test_bad_date(self, tmp_path, date):
        skips, path = self.run(tmp_path, json.dumps({"id": "x", "date": date, "text": STORY_KIEV}))
        check_skip(skips, "bad-date", path, line=2, field="date")

    def test_non_string_date(self, tmp_path):
        skips, path = self.run(tmp_path, json.dumps({"id": "x", "date": 2023, "text": STORY_KIEV}))
        check_skip(skips, "bad-date", path, line=2, field="date")

    @pytest.mark.parametrize("line", ['{"id": "x", "text": "Kiev', '{"id": "x" "text": "a"}', "not json",
                                      '{"id": "x", "text": "a"} trailing'])
    def test_json_syntax(self, tmp_path, line):
        skips, path = self.run(tmp_path, line)
        skip = check_skip(skips, "json-syntax", path, line=2)
        assert "invalid JSON" in skip.message

    @pytest.mark.parametrize("record,field", [
        ({"text": STORY_KIEV}, "id"),
        ({"id": None, "text": STORY_KIEV}, "id"),
        ({"id": "x"}, "text"),
        ({"id": "x", "text": None, "date": "2024"}, "text"),
    ])
    def test_missing_field(self, tmp_path, record, field):
        skips, path = self.run(tmp_path, json.dumps(record))
        check_skip(skips, "missing-field", path, line=2, field=field)

    @pytest.mark.parametrize("record,field", [
        ({"id": ["x"], "text": STORY_KIEV}, "id"),
        ({"id": True, "text": STORY_KIEV}, "id"),
        ({"id": 1.5, "text": STORY_KIEV}, "id"),
        ({"id": "  ", "text": STORY_KIEV}, "id"),
        ({"id": "x", "text": 12}, "text"),
        ({"id": "x", "text": ["a", "b"]}, "text"),
        ({"id": "x", "text": STORY_KIEV, "title": 3}, "title"),
        ({"id": "x", "text": STORY_KIEV, "url": {"href": "u"}}, "url"),
        ({"id": "x", "text": STORY_KIEV, "source": False}, "source"),
    ])
    def test_wrong_type(self, tmp_path, record, field):
        skips, path = self.run(tmp_path, json.dumps(record))
        check_skip(skips, "wrong-type", path, line=2, field=field)

    @pytest.mark.parametrize("line", ["[1, 2]", '"texte"', "42", "null", "true"])
    def test_not_an_object(self, tmp_path, line):
        skips, path = self.run(tmp_path, line)
        check_skip(skips, "not-an-object", path, line=2)

    def test_too_large_text(self, tmp_path):
        skips, path = self.run(tmp_path, json.dumps(good("x", STORY_BAGDAD * 3)), max_bytes=200)
        check_skip(skips, "too-large", path, line=2, field="text")

    def test_too_large_line(self, tmp_path):
        skips, path = self.run(tmp_path, json.dumps(good("x", "a" * 10_000)), max_bytes=200)
        check_skip(skips, "too-large", path, line=2)

    def test_bad_line_in_gzip(self, tmp_path):
        path = write_jsonl(tmp_path / "lot.jsonl.gz", [good("ok1"), '{"id": "x",', good("ok2")], gz=True)
        arts, skips = read([path])
        assert [a.id for a in arts] == ["ok1", "ok2"]
        check_skip(skips, "json-syntax", path, line=2)


class TestDuplicates:
    def test_within_a_file(self, tmp_path):
        path = write_jsonl(tmp_path / "lot.jsonl", [good("d1"), good("d2"), good("d1", STORY_NIAMEY)])
        arts, skips = read([path])
        assert [a.id for a in arts] == ["d1", "d2"]
        assert arts[0].text == STORY_KIEV  # the first one wins
        skip = check_skip(skips, "duplicate-id", path, field="id")
        assert f"{path}:3" in skip.message            # where the duplicate is
        assert f"first seen at {path}:1" in skip.message  # where the first one was

    def test_int_and_str_ids_collide(self, tmp_path):
        path = write_jsonl(tmp_path / "lot.jsonl", [good("7"), {"id": 7, "text": STORY_NIAMEY}])
        arts, skips = read([path])
        assert [a.id for a in arts] == ["7"]
        assert only_skip(skips).reason == "duplicate-id"

    def test_across_files(self, tmp_path):
        first = write_jsonl(tmp_path / "a.jsonl", [good("x1"), good("x2")])
        second = write_jsonl(tmp_path / "b.jsonl", [good("x3"), good("x2", STORY_BAGDAD)])
        arts, skips = read([first, second])
        assert [a.id for a in arts] == ["x1", "x2", "x3"]
        skip = check_skip(skips, "duplicate-id", second, field="id")
        assert f"{second}:2" in skip.message
        assert f"first seen at {first}:2" in skip.message

    def test_across_readers(self, tmp_path):
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        (tmp_path / "a" / "depeche.txt").write_text(STORY_KIEV)
        (tmp_path / "b" / "depeche.txt").write_text(STORY_NIAMEY)
        (tmp_path / "b" / "autre.txt").write_text(STORY_BAGDAD)
        arts, skips = read([tmp_path])
        assert sorted(a.id for a in arts) == ["autre", "depeche"]
        skip = check_skip(skips, "duplicate-id", tmp_path / "b" / "depeche.txt", field="id")
        assert f"first seen at {tmp_path / 'a' / 'depeche.txt'}" in skip.message

    def test_skipped_record_does_not_reserve_its_id(self, tmp_path):
        path = write_jsonl(tmp_path / "lot.jsonl", [{"id": "r", "date": "2023-13", "text": STORY_KIEV},
                                                    good("r")])
        arts, skips = read([path])
        assert [a.id for a in arts] == ["r"]
        assert skips.counts() == {"bad-date": 1}


# -- the skip log --------------------------------------------------------------------------------

def test_skiplog_summary(tmp_path):
    path = write_jsonl(tmp_path / "lot.jsonl", [
        good("a"), "{", '{"id": "b"', {"id": "c", "date": "2023-13", "text": "x"}, [1], good("a"),
        {"id": "d", "text": ""}, good("e")])
    (tmp_path / "notes.md").write_text("x")
    arts, skips = read([path, tmp_path / "notes.md", tmp_path / "absent.txt"])
    assert [a.id for a in arts] == ["a", "e"]
    assert skips.counts() == {"json-syntax": 2, "bad-date": 1, "not-an-object": 1, "duplicate-id": 1,
                              "empty-text": 1, "unsupported": 1, "not-found": 1}
    assert skips.summary() == ("skipped: 8 (bad-date 1, duplicate-id 1, empty-text 1, json-syntax 2, "
                               "not-an-object 1, not-found 1, unsupported 1)")
    assert SkipLog().summary() == "skipped: 0"
    assert len(SkipLog()) == 0
