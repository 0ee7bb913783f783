"""Property tests for the readers and the fact extractors (hypothesis).

For any bytes, any text, and structured inputs built to look like JATS XML, publisher HTML and
text extracted from a PDF: `lintcase.readers.read` returns a Rendering or raises `ReadError` and
nothing else; every Span of every block, caption, reference and metadata Text lies inside its
file; and the fact extractors never raise on what a reader returned.
"""
from __future__ import annotations

import codecs
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lintcase import facts
from lintcase.model import Rendering, Span, Text
from lintcase.readers import ReadError, read

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# One scratch folder for the whole module: hypothesis runs many examples per test function,
# which a function-scoped tmp_path cannot serve.
_DIR = Path(tempfile.mkdtemp(prefix="lintcase-props-"))


def teardown_module():
    shutil.rmtree(_DIR, ignore_errors=True)


# ---------------------------------------------------------------- the properties


def read_bytes(data: bytes, name: str = "input.txt") -> Rendering | None:
    """Write data to a file and read it: a Rendering, or None after a ReadError naming the file."""
    path = _DIR / name
    path.write_bytes(data)
    try:
        rendering = read(path)
    except ReadError as e:
        assert e.path == str(path)
        assert e.reason and e.line >= 0 and e.column >= 0
        return None
    assert isinstance(rendering, Rendering) and rendering.path == str(path)
    assert_spans_inside(rendering)
    assert_facts_extract(rendering)
    return rendering


def texts_of(r: Rendering):
    """Every Text a rendering carries, with a name for the failure message."""
    for i, b in enumerate(r.blocks):
        yield f"block {i} ({b.kind})", b.text
    for i, ref in enumerate(r.references):
        yield f"reference {i}", ref.text
    m = r.meta
    for name in ("doi", "title", "journal", "volume", "elocation"):
        if getattr(m, name) is not None:
            yield f"meta.{name}", getattr(m, name)
    for name in ("authors", "affiliations", "keywords", "funding", "notes"):
        for i, t in enumerate(getattr(m, name)):
            yield f"meta.{name}[{i}]", t
    for i, (_, _, t) in enumerate(m.dates):
        yield f"meta.dates[{i}]", t


def assert_span_inside(span: Span, lines: list[str], path: str, what: str) -> None:
    assert span.path == path, what
    assert 1 <= span.line <= len(lines), (what, span)
    assert 1 <= span.end_line <= len(lines), (what, span)
    assert 1 <= span.column <= len(lines[span.line - 1]) + 1, (what, span)
    assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, (what, span)
    assert (span.line, span.column) <= (span.end_line, span.end_column), (what, span)


def assert_spans_inside(r: Rendering) -> None:
    lines = r.source.text.split("\n")
    for what, text in texts_of(r):
        assert isinstance(text, Text), what
        n = len(text.text)
        # the whole text, each character at its edges, and every word in it
        cuts = {(0, n), (0, min(1, n)), (max(0, n - 1), n)}
        pos = 0
        for word in text.text.split()[:200]:
            a = text.text.index(word, pos)
            pos = a + len(word)
            cuts.add((a, pos))
        for a, b in cuts:
            assert_span_inside(text.span(a, b), lines, r.path, f"{what} [{a}:{b}]")
    for i, b in enumerate(r.blocks):
        for a, e in b.citations + b.formulas:
            assert 0 <= a < e <= len(b.text.text), (f"block {i} marked range", a, e)


def assert_facts_extract(r: Rendering) -> None:
    lines = r.source.text.split("\n")
    for kind in sorted(facts.EXTRACTORS):
        for fact in facts.facts(r, kind):
            span = getattr(fact, "span", None)
            if isinstance(span, Span):
                assert_span_inside(span, lines, r.path, f"{kind} fact {fact.surface!r}")


# ---------------------------------------------------------------- strategies

# Text with the characters that trip readers: entities' raw material, white space of every kind,
# form feeds, soft hyphens, ligatures, combining marks, astral characters, lone surrogates are
# left out (they cannot be encoded, so no file holds them).
PROSE_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))
WORDS = st.sampled_from(
    "the patient was treated for 44 months twenty-six months 2 years biopsy dermis epidermis "
    "follow-up Figure 1 Table 2 doi:10.1000/xyz Abstract Introduction Case presentation "
    "Discussion References et al. ﬁbrosis naïve β-blocker 5–10 mg/kg (p < 0.05) [1] [2,3] "
    "Received: 12 March 2020 Accepted 1 May 2021 © 2021 CC BY 4.0 tumour in situ the the".split())
WORDY = st.lists(st.one_of(WORDS, st.text(PROSE_CHARS, max_size=12)), max_size=30).map(" ".join)

ENTITIES = st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&ndash;", "&nbsp;",
                            "&#x2013;", "&#8212;", "&#65;", "&alpha;", "&unknown;", "&#x1F600;",
                            "&ThinSpace;"])


def _xml_escape(s: str) -> str:
    s = "".join(c for c in s if c in "\t\n\r" or (" " <= c and c not in "\ufffe\uffff"))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


XML_TEXT = st.lists(st.one_of(WORDY.map(_xml_escape), ENTITIES,
                              st.sampled_from(["\n", "  ", "\t", "\n\n   ", "<![CDATA[a < b & c]]>",
                                               "<!-- note -->", "<?pi data?>"])),
                    max_size=8).map("".join)

INLINE = ["bold", "italic", "sup", "sub", "sc", "underline", "inline-formula", "named-content"]
BLOCKY = ["p", "sec", "title", "fig", "caption", "label", "list", "list-item", "table-wrap",
          "table", "tr", "td", "disp-quote", "fn", "boxed-text", "disp-formula", "fig-group",
          "abstract", "ack", "app", "def-list", "def-item", "term", "def", "statement"]


def _element(tags, children):
    def build(args):
        tag, attrs, kids = args
        return f"<{tag}{attrs}>{''.join(kids)}</{tag}>"
    attrs = st.sampled_from(["", ' id="s1"', ' sec-type="case-report"', ' ref-type="bibr" rid="b1"',
                             ' abstract-type="graphical"', ' xml:lang="en"', ' mml:x="1"'])
    return st.tuples(st.sampled_from(tags), attrs, st.lists(children, max_size=4)).map(build)


XML_CONTENT = st.recursive(
    XML_TEXT,
    lambda kids: st.one_of(_element(INLINE, kids), _element(BLOCKY, kids),
                           st.tuples(st.just('<xref ref-type="bibr" rid="b1">'), XML_TEXT,
                                     st.just("</xref>")).map("".join)),
    max_leaves=25)


@st.composite
def jats_documents(draw) -> bytes:
    title = draw(XML_TEXT)
    front = (f"<front><journal-meta><journal-title>{draw(XML_TEXT)}</journal-title></journal-meta>"
             f"<article-meta><article-id pub-id-type=\"doi\">10.{draw(st.integers(1000, 99999))}/"
             f"{_xml_escape(draw(WORDY))}</article-id><title-group><article-title>{title}"
             f"</article-title></title-group><contrib-group><contrib><name><surname>"
             f"{draw(XML_TEXT)}</surname><given-names>{draw(XML_TEXT)}</given-names></name>"
             f"</contrib></contrib-group><aff>{draw(XML_TEXT)}</aff><pub-date><day>"
             f"{draw(st.integers(0, 40))}</day><month>{draw(st.integers(0, 13))}</month><year>"
             f"{draw(st.integers(0, 3000))}</year></pub-date><kwd-group><kwd>{draw(XML_TEXT)}"
             f"</kwd></kwd-group><abstract>{draw(XML_CONTENT)}</abstract></article-meta></front>")
    # mostly real structure (sections of paragraphs), sometimes any element at the top
    para = st.builds("<p>{}</p>".format, XML_CONTENT)
    sec = st.builds("<sec><title>{}</title>{}</sec>".format, XML_TEXT,
                    st.lists(para, max_size=3).map("".join))
    body = "".join(draw(st.lists(st.one_of(para, sec, XML_CONTENT), max_size=5)))
    ref = (f'<ref id="b1"><label>{draw(XML_TEXT)}</label><mixed-citation><person-group>'
           f"<name><surname>{draw(XML_TEXT)}</surname></name></person-group> {draw(XML_TEXT)} "
           f"<year>{draw(XML_TEXT)}</year><pub-id pub-id-type=\"doi\">{draw(XML_TEXT)}</pub-id>"
           f"</mixed-citation></ref>")
    back = f"<back>{draw(XML_CONTENT)}<ref-list><title>References</title>{ref}</ref-list></back>"
    head = draw(st.sampled_from(['<?xml version="1.0" encoding="UTF-8"?>\n',
                                 '<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD '
                                 'JATS (Z39.96) Journal Archiving v1.2 20190208//EN" "JATS.dtd">\n',
                                 "", "\ufeff"]))
    xml = (f'{head}<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="case-report">'
           f"{front}<body>{body}</body>{back}</article>\n")
    data = xml.encode("utf-8")
    cut = draw(st.sampled_from([None, None, None, "truncate", "utf16"]))
    if cut == "truncate":
        data = data[:draw(st.integers(0, len(data)))]
    elif cut == "utf16":
        data = codecs.BOM_UTF16_LE + xml.lstrip("\ufeff").encode("utf-16-le")
    return data


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;")


HTML_TEXT = st.lists(st.one_of(WORDY.map(_html_escape), ENTITIES, st.sampled_from(
    ["\n", "&", "<", "</", "<br>", "<!-- c -->", "&#0;", "&#x110000;"])), max_size=8).map("".join)
HTML_TAGS = ["div", "section", "p", "h1", "h2", "h3", "span", "em", "figure", "figcaption", "table",
             "tr", "td", "ul", "li", "a", "sup", "script", "style", "nav", "footer", "article"]
HTML_CONTENT = st.recursive(HTML_TEXT, lambda kids: _element(HTML_TAGS, kids), max_leaves=25)


@st.composite
def html_documents(draw) -> bytes:
    head = (f'<head><title>{draw(HTML_TEXT)}</title><meta name="citation_title" content="'
            f'{draw(WORDY).replace(chr(34), "")}"><meta name="citation_doi" content="10.1/'
            f'{draw(st.integers(0, 999))}"><meta name="citation_author" content="{draw(WORDY)}">'
            f"</head>")
    body = "".join(draw(st.lists(HTML_CONTENT, max_size=5)))
    doc = f"<!DOCTYPE html><html>{head}<body><article>{body}</article></body></html>"
    return doc.encode("utf-8")[:draw(st.sampled_from([None, None, draw(st.integers(0, 4000))]))]


PDF_LINE = st.one_of(
    WORDY,
    WORDY.map(lambda s: s + "-"),  # hyphenated at the line end
    st.sampled_from(["", "", "Abstract", "1. Introduction", "2 Case presentation", "References",
                     "FIGURE 1", "Figure 2. A caption of the figure.", "Table 1 Results",
                     "Page 3 of 9", "3", "OPEN ACCESS", "doi: 10.3389/fonc.2026.1742907",
                     "RECEIVED 12 March 2024", "Journal of Things 2024", "KEYWORDS",
                     "[1] Smith A, Jones B. A title. J Med. 2020;1:2–3. doi:10.1/x",
                     "1. Doe J. Another title. Lancet 2019; 393: 1–10.", "• a bullet item",
                     "# A markdown heading", "## Methods", "| a | b |", "    indented code"]),
    st.text(PROSE_CHARS, max_size=40),
)


@st.composite
def pdf_texts(draw) -> bytes:
    pages = draw(st.lists(st.lists(PDF_LINE, max_size=25), min_size=1, max_size=5))
    head = draw(st.sampled_from(["Running head of the journal", "", "Case Reports in Things"]))
    text = "\f".join("\n".join([head] + lines + [str(i + 1)]) for i, lines in enumerate(pages))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", ""]))
    return text.replace("\n", ending if ending else "\n").encode("utf-8")


# ---------------------------------------------------------------- the tests


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes(data):
    read_bytes(data)


@SETTINGS
@given(st.text(max_size=3000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1"]))
def test_any_text(text, encoding):
    read_bytes(text.encode(encoding, "replace"))


@SETTINGS
@given(st.sampled_from(["<?xml version=\"1.0\"?>\n<article>", "<article>", "<html><body>",
                        "<!DOCTYPE html>", "%PDF-1.4\n", "Abstract\n\n", "\f"]),
       st.binary(max_size=2000))
def test_format_prefix_then_any_bytes(prefix, data):
    read_bytes(prefix.encode() + data)


@SETTINGS
@given(jats_documents())
def test_jats_like_xml(data):
    r = read_bytes(data, "article.xml")
    if r is not None:
        assert r.kind == "jats"


@SETTINGS
@given(html_documents())
def test_html_like_pages(data):
    read_bytes(data, "page.html")


@SETTINGS
@given(pdf_texts())
def test_pdf_text_like(data):
    read_bytes(data, "article.pdftotext.txt")


def test_the_properties_see_a_real_article():
    """The span check is not vacuous: a well-formed generated article yields located blocks."""
    xml = ('<article><front><article-meta><title-group><article-title>A case &ndash; of\n'
           'things</article-title></title-group></article-meta></front><body><sec><title>Case'
           '</title><p>Treated for <bold>44</bold> months &amp;\n  followed.</p></sec></body>'
           '</article>').encode()
    r = read_bytes(xml, "article.xml")
    assert r is not None and r.meta.title.text == "A case – of things"
    para = next(b for b in r.blocks if b.kind == "paragraph")
    assert para.text.text == "Treated for 44 months & followed."
    i = para.text.text.index("followed")
    sp = para.text.span(i, i + 8)
    assert (sp.line, sp.column, sp.end_line, sp.end_column) == (3, 3, 3, 11)
    with pytest.raises(AssertionError):  # and it does reject a span outside the file
        assert_span_inside(Span(r.path, 4, 1, 4, 1), r.source.text.split("\n"), r.path, "x")
