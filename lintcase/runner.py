"""The pipeline over many files: chunks, worker processes and a result cache.

Files are cut into chunks of a few files each, keeping an article's renderings together where
the layout shows them (an article's folder; files sharing a stem in an archive). Each chunk is
read, grouped into articles and checked on its own, in a worker process when --jobs > 1. An
article whose renderings ended up in two chunks is checked again as a whole afterwards, so the
output never depends on the chunking or the number of jobs: everything is sorted the same way
at the end. What happens to a chunk's findings once its checks have run (ignores,
suppressions) is the engine's: one call, engine.pipeline.check_chunk.

The cache keeps each chunk's result under the hash of its files' contents, the rule set and the
code of lintcase itself: a changed file re-checks its chunk, a changed rule re-checks everything.
"""
from __future__ import annotations

import gc
import hashlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from . import archives, cache, discover
from .engine.pipeline import check_chunk as check_articles
from .facts import terms
from .model import Article, Finding, InputError, Meta, Rendering, Source, Text, TextBuilder
from .rulebook.load import Rule

CHUNK = 8


@dataclass(frozen=True)
class Options:
    rules: tuple[Rule, ...]
    siblings: bool = True
    jobs: int = 1
    cache_dir: Path | None = None
    ignores: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (base dir, glob, codes)
    vocab: tuple[str, ...] = ()  # extra vocabulary folders (facts/vocab/*.yaml format)
    exclusions: discover.Exclusions | None = None  # exclude / extend-exclude / .gitignore
    # every rule a suppression may name (loaded, run or not, and the engine's codes): (code,
    # name, groups); empty: unknown suppressions are not looked for
    catalog: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    files: int = 0


def run(paths: list[str], opts: Options, progress=None) -> Result:
    """Check the files under `paths`; `progress(done, total)` is told of each finished chunk."""
    for event in events(paths, opts, progress):
        if isinstance(event, Result):
            return event
    raise AssertionError("events() ends with its Result")


@dataclass(frozen=True)
class Done:
    """One article checked: its findings (in report order), streamed as soon as its chunk is
    done. `rechecked`: the article's renderings lay in two chunks and were checked apart before
    being checked together: what was streamed earlier for its key is void."""
    article: Article
    findings: tuple[Finding, ...]
    rechecked: bool = False


def events(paths: list[str], opts: Options, progress=None):
    """`run` as it happens: a Done for each article key as its chunk finishes (chunks in order),
    then the whole Result. A key met in a second chunk (an article split by the layout, found
    only then: no corpus folder does it) is held back and streamed again once checked whole."""
    inputs, errors = discover.collect(paths, siblings=opts.siblings, exclusions=opts.exclusions)
    named = {str(p) for p in inputs.named}
    chunks = _chunks([str(f) for f in inputs.files])
    results = []
    seen: dict[str, int] = {}
    try:
        for r in _map(chunks, named, opts):
            results.append(r)
            _settle()
            fresh = []
            for a in r.articles:
                seen[a.key] = seen.get(a.key, 0) + 1
                if seen[a.key] == 1:
                    fresh.append(a)
            yield from _done(fresh, r.findings, named)
            if progress:
                progress(len(results), len(chunks))
    finally:
        gc.unfreeze()
    total = Result(errors=list(errors), files=len(named))
    split = {k for k, n in seen.items() if n > 1}
    for r in results:
        total.findings += [f for f in r.findings if f.article not in split]
        total.errors += r.errors
        total.articles += [a for a in r.articles if a.key not in split]
    if split:  # renderings of one article in two chunks: check those articles whole
        for again in _map(_whole_articles(results, split), named, opts):
            total.findings += again.findings
            total.errors += again.errors
            total.articles += again.articles
            yield from _done(again.articles, again.findings, named, rechecked=True)
    total.findings = in_report_order(set(total.findings), named)
    total.errors = sorted(set(total.errors), key=lambda e: (e.path, e.line, e.column, e.reason))
    total.articles = sorted(total.articles, key=lambda a: a.renderings[0].path)
    yield total


def _done(articles: list[Article], findings: list[Finding], named: set[str],
          rechecked: bool = False):
    """A Done per article key (two copies of one article in a chunk share theirs); a split
    article's first part was always streamed, so its whole comes `rechecked`."""
    by_key: dict[str, list[Finding]] = {}
    for f in findings:
        by_key.setdefault(f.article, []).append(f)
    told = set()
    for a in articles:
        if a.key not in told:
            told.add(a.key)
            yield Done(a, tuple(in_report_order(set(by_key.get(a.key, ())), named)), rechecked)


def in_report_order(findings, named: set[str]) -> list[Finding]:
    """The named files' findings first (a pre-commit run names the files the author changed),
    then those only in the renderings read beside them; by place within each."""
    return sorted(findings, key=lambda f: (not any(loc.path in named for loc in f.locations),
                                           Finding.sort_key(f)))


def _settle() -> None:
    """The results kept for the report live to the end of the run: collect the chunk's garbage
    (its element trees are cycles), then move everything left out of the collector's way. Left
    in, every full collection walked every finding kept so far: a fifth of the CPU time of a
    one-process run over 1,200 articles (26 s in 204 collections)."""
    gc.collect()
    gc.freeze()


def _chunks(files: list[str]) -> list[list[str]]:
    """Files cut into chunks that keep an article's renderings together where the layout
    shows them: a small folder (an article's own) stays whole; in a large one (an archive),
    files sharing a stem ("PMC1.xml", "PMC1.pdf.txt") go together, and so do those of an
    archive kept in a folder per kind ("xml/PMC1.xml", "text/PMC1.txt"). Chunks are never
    packed together: what one chunk groups into articles depends on nothing else."""
    sizes = Counter(archives.folder(f) for f in files)
    groups: dict[str, list[str]] = {}
    for f in files:
        folder = archives.folder(f)
        key = folder if sizes[folder] <= discover.SMALL_FOLDER else \
            "\0" + discover.stem(Path(f))
        groups.setdefault(key, []).append(f)
    return [group[i:i + CHUNK] for group in groups.values() for i in range(0, len(group), CHUNK)]


def _whole_articles(results: list[Result], split: set[str]) -> list[list[str]]:
    """Chunks of the split articles' files, each article whole, about CHUNK files a chunk: an
    archive that keeps each rendering kind in its own folder (xml/, pdf/) splits every
    article, and one chunk of them all would hold the whole archive in memory."""
    files: dict[str, set[str]] = {}
    for r in results:
        for a in r.articles:
            if a.key in split:
                files.setdefault(a.key, set()).update(rd.path for rd in a.renderings)
    chunks: list[list[str]] = []
    for key in sorted(files, key=lambda k: min(files[k])):
        if not chunks or len(chunks[-1]) + len(files[key]) > CHUNK:
            chunks.append([])
        chunks[-1].extend(sorted(files[key]))
    return chunks


def _map(chunks: list[list[str]], named: set[str], opts: Options):
    """Chunk results in chunk order (a generator, so progress can be shown as they come)."""
    if opts.jobs <= 1 or len(chunks) <= 1:
        for c in chunks:
            yield cached_chunk(c, named, opts)
        return
    with ProcessPoolExecutor(max_workers=opts.jobs, initializer=_worker_start,
                             initargs=(opts,)) as pool:
        # Tasks of about 1/32 of a worker's share: few enough that sending them costs
        # nothing, small enough that no worker idles long at the end (chunks are now often one
        # article each, and one article may take seconds). The options go to each worker once;
        # a chunk carries only its own files' names.
        size = max(1, len(chunks) // (opts.jobs * 32))
        yield from pool.map(_worker_chunk, chunks, [named.intersection(c) for c in chunks],
                            chunksize=size)


_WORKER: dict = {}


def _worker_start(opts: Options) -> None:
    _WORKER["opts"] = opts


def _worker_chunk(files: list[str], named: set[str]) -> Result:
    _settle()  # the last chunk's garbage collected, what lives on (rules, caches) frozen
    return cached_chunk(files, named, _WORKER["opts"])


def cached_chunk(files: list[str], named: set[str], opts: Options) -> Result:
    if opts.cache_dir is None:
        return check_chunk(files, named, opts)
    key = _chunk_key(files, named, opts)
    result = cache.get(opts.cache_dir, key)
    if result is None:
        result = check_chunk(files, named, opts)
        cache.put(opts.cache_dir, key, result)
    return result


def check_chunk(files: list[str], named: set[str], opts: Options) -> Result:
    for folder in opts.vocab:  # in a worker process too
        terms.add_folder(folder)
    inputs = discover.Inputs([Path(f) for f in files], {Path(f) for f in files if f in named})
    renderings, errors = discover.load(inputs)
    articles = discover.group(renderings, inputs.named)
    findings, rule_errors = check_articles(articles, renderings, list(opts.rules), opts.ignores,
                                           [Named(*c) for c in opts.catalog])
    # Facts point to their rendering and the rendering's memo holds them: a cycle only the
    # garbage collector would free, with every fact and word of the chunk. The checks are done.
    for x in (*renderings, *articles):
        x.memo.clear()
    return Result(findings, errors + rule_errors, [light(a) for a in articles], 0)


class Named(NamedTuple):
    """A rule as a suppression names it."""
    code: str
    name: str
    groups: tuple[str, ...] = ()


def light(article: Article) -> Article:
    """The article without its text: what reports need (paths, kinds, DOI, title), cheap to
    send between processes and to cache."""
    def small(t: Text | None) -> Text | None:
        if t is None:
            return None
        b = TextBuilder(Source(t.source.path, t.text))
        b.add(t.text, 0)
        return b.build()
    return Article(article.key, tuple(
        Rendering(r.path, r.kind, Meta(doi=small(r.meta.doi), title=small(r.meta.title),
                                       article_type=r.meta.article_type), ())
        for r in article.renderings), alone_beside=article.alone_beside)


def _chunk_key(files: list[str], named: set[str], opts: Options) -> str:
    h = hashlib.sha256(_code_and_rules(opts))
    for f in files:
        h.update(f.encode() + b"\0" + (b"1" if f in named else b"0"))
        if archives.member(f):  # inside an archive: its index says what the content is
            h.update(archives.stamp(f).encode())
            continue
        try:
            h.update(hashlib.sha256(Path(f).read_bytes()).digest())
        except OSError as e:
            h.update(repr(e).encode())
    return h.hexdigest()


def _code_and_rules(opts: Options) -> bytes:
    """lintcase's own code and data, the rule set and the options that change results."""
    rules = repr([(r.code, r.name, r.severity, r.check, r.message, r.reads,
                   sorted(r.options.items()))
                  for r in opts.rules])
    vocab = b"".join(p.name.encode() + p.read_bytes() for d in opts.vocab
                     for p in sorted(Path(d).glob("*.yaml")))
    return cache.code_hash() + rules.encode() + repr((opts.siblings, opts.ignores)).encode() + \
        vocab + repr(opts.catalog).encode()
