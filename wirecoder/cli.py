"""The ``wirecoder`` command line: extract, ingest, demo, show, stats, events, export, serve, schema, gazetteer,
settings."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from itertools import islice
from typing import IO, Any

import click

from .article import Article
from .document import Document
from .errors import InvalidParameter, WirecoderError, WorkerLost
from .pipeline import Pipeline
from .quotes.model import SCOPES
from .readers import SkipLog, read_paths
from .report import pretty, stats_text, summary_table
from .settings import SETTINGS, Settings

HASH_BATCH = 256  # articles looked up at once when checking what is already stored


def _progress(items: Iterable[Any], desc: str) -> Iterator[Any]:
    from tqdm import tqdm  # here: commands without a progress bar (--help, settings, schema) start faster

    # On stderr, and silent when stderr is not a terminal (logs and CI stay clean).
    return iter(tqdm(items, desc=desc, unit=" art", file=sys.stderr, disable=None, dynamic_ncols=True))


def _report_skips(skips: SkipLog, strict: bool) -> None:
    for skip in skips.skips:
        click.echo(f"skipped [{skip.reason}] {skip.message}", err=True)
    click.echo(skips.summary(), err=True)
    if strict and len(skips):
        raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_url", help="Database URL (default: setting store.url, env WIRECODER_DB).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML file overriding settings (env WIRECODER_CONFIG).")
@click.version_option(package_name="wirecoder")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, config_path: str | None) -> None:
    """Turn French news wires into provenance-linked documents, stored for counting."""
    settings = Settings.load(config_path)
    if db_url:
        settings = Settings({**dict(settings.items()), "store.url": db_url})
    ctx.obj = settings


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty"]), default="jsonl",
              show_default=True, help="jsonl: one Document per line; json: an array; pretty: for reading.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input was skipped.")
@click.option("--quote-scope", type=click.Choice(SCOPES),
              help="quotes: as GUIDELINES.md counts them; speech: every speech act, also those whose message is a "
                   "noun phrase (default: setting quotes.scope).")
@click.pass_obj
def extract(settings: Settings, paths: tuple[str, ...], fmt: str, output: IO[str], strict: bool,
            quote_scope: str | None) -> None:
    """Annotate files, folders or - (stdin) and write Documents (see `wirecoder schema`)."""
    if quote_scope is not None:
        settings = Settings({**dict(settings.items()), "quotes.scope": quote_scope})
    skips = SkipLog()
    articles = read_paths(paths, skips=skips, max_bytes=settings["input.max_text_bytes"])
    docs = _progress(Pipeline(settings=settings).process(articles, skips), "extract")
    if fmt == "json":
        output.write("[")
    for n, doc in enumerate(docs):
        if fmt == "jsonl":
            output.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            output.write(("," if n else "") + "\n" + json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
        else:
            output.write(pretty(doc) + "\n\n")
    if fmt == "json":
        output.write("\n]\n")
    output.flush()
    _report_skips(skips, strict)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Progress:
    """One bar for a whole ingest: articles stored, unchanged or skipped, with articles/s and, when the input
    could be counted, an ETA. On stderr, and silent when stderr is not a terminal."""

    def __init__(self, total: int | None, desc: str) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, desc=desc, unit=" art", file=sys.stderr, disable=None, dynamic_ncols=True,
                        smoothing=0.05)
        self.skipped = 0

    def advance(self, skips: SkipLog, n: int = 1) -> None:
        new_skips, self.skipped = len(skips) - self.skipped, len(skips)
        self.bar.update(n + new_skips)

    def close(self) -> None:
        self.bar.close()


class _ShardSink:
    """``--shards DIR``: Documents go to Parquet shards instead of the database (``wirecoder load`` imports them)."""

    def __init__(self, folder: str) -> None:
        from .batch.shards import ShardWriter

        self.writer = ShardWriter(folder)
        self.hashes = self.writer.stored_hashes()
        self.url = folder

    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        return {i: self.hashes[i] for i in ids if i in self.hashes}

    def write(self, doc: Document, content_hash: str) -> str:
        self.writer.add(doc, content_hash)
        return "added"

    def close(self) -> None:
        self.writer.flush()


def _ingest(settings: Settings, paths: Iterable[str], strict: bool, keep: bool = False, engine: str = "local",
            workers: int = 1, scheduler: str | None = None, shards: str | None = None) -> list[Document]:
    """Read, annotate and store; returns the written Documents only when ``keep`` (the demo's summary):
    a corpus run must stream in constant memory."""
    from .batch import annotate_stream
    from .costs import ArticleCosts
    from .readers import count_records
    from .store import IngestResult, Store

    paths = list(paths)
    skips = SkipLog()
    result = IngestResult()
    costs = ArticleCosts()
    written: list[Document] = []
    sink: Any = _ShardSink(shards) if shards else Store(settings["store.url"])
    progress = _Progress(count_records(paths), "ingest")
    try:
        hashes: dict[str, str] = {}

        def changed(articles: Iterator[Article]) -> Iterator[Article]:
            """Only articles whose content is not stored yet: a second run parses nothing."""
            while batch := list(islice(articles, HASH_BATCH)):
                stored = sink.stored_hashes(a.id for a in batch)
                for a in batch:
                    if stored.get(a.id) == a.content_hash:
                        result.count("unchanged")
                        progress.advance(skips)
                    else:
                        hashes[a.id] = a.content_hash
                        yield a

        articles = read_paths(paths, skips=skips, max_bytes=settings["input.max_text_bytes"])
        docs = annotate_stream(changed(articles), skips, settings, engine, workers=workers, scheduler=scheduler,
                               costs=costs)
        try:
            for doc in docs:
                result.count(sink.write(doc, hashes.pop(doc.id)))
                progress.advance(skips)
                if keep:
                    written.append(doc)
        except (KeyboardInterrupt, WorkerLost) as stop:
            # Each article is its own transaction: what is written is complete, the rest is not begun.
            progress.close()
            _report_skips(skips, strict=False)
            cause = f" ({stop})" if isinstance(stop, WorkerLost) else ""
            click.echo(f"interrupted: {result.added + result.replaced} stored, run the same command to resume"
                       f"{cause}", err=True)
            raise SystemExit(130 if isinstance(stop, KeyboardInterrupt) else 1) from None
        progress.advance(skips, 0)  # the last skips (articles a stage failed on)
    finally:
        progress.close()
        sink.close()
    click.echo(f"ingested into {sink.url}: {result.added} added, {result.replaced} replaced, "
               f"{result.unchanged} unchanged", err=True)
    if costs.articles:
        click.echo(costs.summary(), err=True)
    _report_skips(skips, strict)
    return written


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input was skipped.")
@click.option("--workers", type=click.IntRange(min=1), default=_cores, show_default="the cores",
              help="Worker processes (local engine) or LocalCluster workers (dask); each loads the model once.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: the cluster's scheduler (default: a LocalCluster of --workers).")
@click.option("--shards", type=click.Path(file_okay=False),
              help="Write Parquet shards of Documents into this folder instead of the database "
                   "(`wirecoder load` imports them).")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...], strict: bool, workers: int, engine: str,
           scheduler: str | None, shards: str | None) -> None:
    """Annotate and store articles; unchanged ones (same content hash) are skipped, so a run resumes."""
    if scheduler and engine != "dask":
        raise click.BadParameter("a scheduler is for --engine dask", param_hint="--scheduler")
    _ingest(settings, paths, strict, engine=engine, workers=workers, scheduler=scheduler, shards=shards)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--strict", is_flag=True, help="Exit with status 1 if any shard or document was skipped.")
@click.pass_obj
def load(settings: Settings, folder: str, strict: bool) -> None:
    """Import the Parquet shards of `ingest --shards` into the database (unchanged articles are left)."""
    from .batch.shards import shard_documents
    from .store import IngestResult, Store

    skips = SkipLog()
    result = IngestResult()
    with Store(settings["store.url"]) as store:
        for doc, content_hash in _progress(shard_documents(folder, skips), "load"):
            result.count(store.write(doc, content_hash))
    click.echo(f"loaded into {settings['store.url']}: {result.added} added, {result.replaced} replaced, "
               f"{result.unchanged} unchanged", err=True)
    _report_skips(skips, strict)


def samples_dir() -> str:
    return str(resources.files("wirecoder") / "samples" / "fr")


@cli.command()
@click.pass_obj
def demo(settings: Settings) -> None:
    """Ingest the bundled sample stories and print what was found in each."""
    docs = _ingest(settings, [samples_dir()], strict=True, keep=True)
    if docs:
        click.echo(summary_table(docs))
    else:
        click.echo("all samples were already stored; `wirecoder stats` shows them")


@cli.command()
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
@click.pass_obj
def show(settings: Settings, article_id: str, fmt: str) -> None:
    """Show one stored article with its annotations."""
    from .store import Store

    with Store(settings["store.url"], read_only=True) as store:
        data = store.document(article_id)
    if data is None:
        raise click.ClickException(f"no article with id {article_id!r} in {settings['store.url']}")
    click.echo(json.dumps(data, ensure_ascii=False, indent=1) if fmt == "json" else pretty(Document.from_dict(data)))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def stats(settings: Settings, fmt: str) -> None:
    """Counts of what the database holds."""
    from .store import Store

    with Store(settings["store.url"], read_only=True) as store:
        data = store.stats()
    click.echo(json.dumps(data, ensure_ascii=False, indent=1) if fmt == "json" else stats_text(data))


def _event_filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by ``events`` and ``export`` (and the API's query parameters)."""
    options = [
        click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER type (repeatable), e.g. ASSAULT."),
        click.option("--mode", "modes", multiple=True, help="PLOVER mode (repeatable), e.g. drone."),
        click.option("--factuality", "factualities", multiple=True,
                     type=click.Choice(["asserted", "negated", "hypothetical", "future"]), help="Repeatable."),
        click.option("--actor", help="Actor or recipient: an actor id or part of its name."),
        click.option("--country", help="ISO alpha-3 of the actor, the recipient or the location."),
        click.option("--place", help="Part of the location's name."),
        click.option("--since", help="Events that may fall on or after this date (2023-12-01, 2023-12, 2023)."),
        click.option("--until", help="Events that may fall on or before this date."),
        click.option("--article", help="Only this article's events."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_query(types: tuple[str, ...], sort: str = "article", **filters: Any) -> Any:
    from .events import PLOVER_TYPES
    from .store import EventQuery

    unknown = [t for t in types if t.upper() not in PLOVER_TYPES]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}; known: {', '.join(PLOVER_TYPES)}", param_hint="--type")
    try:
        return EventQuery(types=types, sort=sort, **filters)
    except InvalidParameter as exc:
        raise click.BadParameter(str(exc), param_hint="--since/--until") from None


@cli.command("events")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl", "csv"]), default="text", show_default=True)
@click.pass_obj
def events_cmd(settings: Settings, types: tuple[str, ...], modes: tuple[str, ...], factualities: tuple[str, ...],
               fmt: str, **filters: Any) -> None:
    """List stored events, filtered, each with its evidence sentence and offsets."""
    from .event_rows import line
    from .store import Store
    from .store.event_query import StoredEvent

    query = _event_query(types, modes=modes, factualities=factualities, **filters)
    with Store(settings["store.url"], read_only=True) as store:
        found = store.events(query)
    if fmt == "jsonl":
        for event in found:
            click.echo(json.dumps(event, ensure_ascii=False))
        return
    stored = [StoredEvent.from_item(e) for e in found]
    if fmt == "csv":
        from .export import export_events

        export_events(stored, "csv", sys.stdout)  # the same columns as `wirecoder export --format csv`
    else:
        for s in stored:
            click.echo(line(s.event, s.article_id))
        click.echo(f"{len(found)} event(s)", err=True)


@cli.command("export")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "plover", "acled", "gdelt"]),
              required=True, help="csv/parquet: flat table; jsonl: full records; plover: PLOVER JSON array; "
              "acled: ACLED-like CSV; gdelt: GDELT-like TSV (CAMEO root codes).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write, or - for standard output (not for parquet).")
@click.pass_obj
def export_cmd(settings: Settings, types: tuple[str, ...], modes: tuple[str, ...], factualities: tuple[str, ...],
               fmt: str, output: str, **filters: Any) -> None:
    """Export stored events, filtered, in the formats of the field (see docs/exports.md)."""
    from .export import FORMATS, export_events
    from .store import Store
    from .store.event_query import iter_events

    query = _event_query(types, modes=modes, factualities=factualities, **filters)
    binary = FORMATS[fmt].binary
    if output == "-" and binary:
        raise click.BadParameter("parquet needs a file, not standard output", param_hint="-o")
    with Store(settings["store.url"], read_only=True) as store, store.engine.connect() as conn, \
            click.open_file(output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                            atomic=output != "-") as out:
        events = _progress(iter_events(conn, query), f"export {fmt}")
        report = export_events(events, fmt, out)
    click.echo(report.summary(fmt) + ("" if output == "-" else f" to {output}"), err=True)


@cli.command()
@click.option("--db", "db_url", help="Database URL (as the global --db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_obj
def serve(settings: Settings, db_url: str | None, host: str, port: int) -> None:
    """Serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web UI (/) over the database."""
    from .api import create_app
    from .api.server import run

    if db_url:
        settings = Settings({**dict(settings.items()), "store.url": db_url})

    app = create_app(settings)
    writes = "writes allowed with the token" if settings["api.token"] else "read-only (no api.token)"
    click.echo(f"serving {settings['store.url']} on http://{host}:{port}/ ({writes}); Ctrl-C stops", err=True)
    run(app, host=host, port=port, header_timeout=settings["api.header_timeout"],
        body_timeout=settings["api.body_timeout"])


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a Document."""
    click.echo((resources.files("wirecoder") / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--rebuild", is_flag=True, help="Build the gazetteer again even if a cached one exists.")
@click.pass_obj
def gazetteer(settings: Settings, names: tuple[str, ...], rebuild: bool) -> None:
    """Build (once) the offline gazetteer and show where it is cached; with NAMES, look them up."""
    from .places.gazetteer import load_or_build

    gaz, path = load_or_build(settings["nlp.language"], settings["places.min_population"],
                              settings["places.cache_dir"] or None, rebuild=rebuild)
    click.echo(f"gazetteer: {len(gaz)} places under {len(gaz.index)} names, "
               f"{f'cached in {path}' if path else 'not cached (directory not writable)'}")
    for name in names:
        found = gaz.candidates(name)
        click.echo(f"{name}: {len(found)} candidate(s)")
        for p in found[:10]:
            click.echo(f"  {p.name} [{p.kind}, {p.country or '-'}] {p.lat}, {p.lon} "
                       f"geonames={p.geonames_id} population={p.population}")


@cli.command("settings")
@click.pass_obj
def settings_cmd(settings: Settings) -> None:
    """List every setting with its value and help."""
    for s in SETTINGS:
        click.echo(f"{s.name} = {settings[s.name]!r}\n    {s.help}")


def main() -> None:
    try:
        status = cli.main(standalone_mode=False)
        if isinstance(status, int) and status:
            raise SystemExit(status)
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except click.exceptions.Abort:
        raise SystemExit(130) from None
    except WirecoderError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
