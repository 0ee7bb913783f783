"""The shared machinery of the check kinds: kind discovery, option defaults, and the memo that
keeps computed facts with the rendering they came from."""
from __future__ import annotations

import pickle

from lintcase import checks
from lintcase.checks.kit.options import with_defaults
from lintcase.facts import facts
from lintcase.facts.values import Date, Spelling
from lintcase.model import Article, Block, Meta, Rendering, Source, verbatim_text


def _rendering(text: str) -> Rendering:
    source = Source("t.txt", text)
    block = Block("paragraph", ("Case presentation",), verbatim_text(source, 0, len(text)))
    return Rendering("t.txt", "text", Meta(article_type="case-report"), (block,), source=source)


def test_every_kind_is_found_packages_too_and_kit_is_none():
    assert {"align", "resolve", "agree", "pattern"} <= set(checks.KIND_NAMES)
    assert "kit" not in checks.KIND_NAMES
    for name in checks.KIND_NAMES:
        kind = checks.load(name)
        assert kind.__doc__ and callable(kind.run) and "properties" in kind.OPTIONS


def test_defaults_fill_what_is_missing_and_never_override():
    schema = {"properties": {"a": {"default": 1}, "b": {"default": [2]}, "c": {}}}
    assert with_defaults(schema, {"a": 5}) == {"a": 5, "b": [2]}
    assert with_defaults(schema, {}) == {"a": 1, "b": [2]}


def test_every_switchboard_selector_is_called_test():
    for name in checks.KIND_NAMES:
        props = checks.load(name).OPTIONS["properties"]
        assert not {"look", "field", "compare", "direction", "count"} & set(props), name
        if "report" in props:  # kept only where it lists several reports
            assert props["report"]["type"] == "array", name


def test_facts_are_kept_in_the_rendering_memo_not_shared_by_equal_renderings():
    r = _rendering("She was seen on 2 March 2020 and again in May 2021.")
    first = facts(r, "date")
    assert facts(r, "date") is first
    assert ("facts", "date") in r.memo
    twin = _rendering("She was seen on 2 March 2020 and again in May 2021.")
    assert twin == r and twin.memo == {} and facts(twin, "date") is not first


def test_memo_plays_no_part_in_equality_hashing_or_repr_and_pickles():
    r = _rendering("Seen in May 2021.")
    facts(r, "date")
    bare = _rendering("Seen in May 2021.")
    assert r == bare and hash(r) == hash(bare) and "memo" not in repr(r)
    article = Article("k", (bare,))
    assert pickle.loads(pickle.dumps(article)) == article


def test_named_values_compare_as_the_tuples_they_replace():
    assert Date("month", "2021-05") == ("month", "2021-05")
    assert hash(Spelling("dataset", "data set", "spaced")) == hash(("dataset", "data set", "spaced"))
    assert sorted([Date("year", "2020"), Date("day", "2020-01-02")]) == \
        sorted([("year", "2020"), ("day", "2020-01-02")])


def _article(tmp_path, text: str):
    from lintcase import grouping
    from lintcase.readers import read
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    return grouping.group([read(path)])[0]


def test_a_discussion_speaking_of_both_cases_leaves_one_patient(tmp_path):
    """Quoted from doi:10.1155/2017/6732318 (Hindawi, CC BY 4.0; case-reports/PMC5733624): one
    patient with two infected hip prostheses, whose discussion says "both cases"."""
    from lintcase.checks.kit.slots import by_patient
    article = _article(tmp_path, (
        "# Managing an Acute and Chronic Periprosthetic Infection\n\n## Case Presentation\n\n"
        "A 65-year-old female with diabetes mellitus was operated in 2007 for left total hip "
        "arthroplasty (THA) and in 2009 for right THA.\n\n## Discussion\n\nThis was useful in "
        "management, since it allowed the choice of antibiotic in both cases, and in "
        "particular in the second.\n"))
    ages = facts(article.renderings[0], "age")
    assert len(ages) == 1 and by_patient(article, ages) == [ages]
    several = _article(tmp_path, (
        "# Managing an Acute and Chronic Periprosthetic Infection\n\n## Case Presentation\n\n"
        "A 65-year-old female was operated in 2007. The second patient, a 70-year-old male, "
        "was operated in 2009.\n"))
    assert by_patient(several, facts(several.renderings[0], "age")) == []


def test_a_title_that_counts_cases_makes_a_report_of_several(tmp_path):
    """The title of doi:10.1155/2020/8822753 (Hindawi, CC BY 4.0; case-reports/PMC7582078):
    only its title and its discussion's "case series" said it holds three patients."""
    from lintcase.checks.kit.slots import by_patient
    text = ("# {}\n\n## Case Presentation\n\nA 61-year-old female on hydroxychloroquine "
            "presented with fever. A 45-year-old female presented with cough.\n")
    one = _article(tmp_path, text.format("COVID-19 Pneumonia in a Patient on Hydroxychloroquine"))
    three = _article(tmp_path, text.format(
        "COVID-19 Pneumonia in Patients on Chronic Hydroxychloroquine Therapy: Three Cases of "
        "COVID-19 Pneumonia"))
    assert len(by_patient(one, facts(one.renderings[0], "age"))) == 1
    assert by_patient(three, facts(three.renderings[0], "age")) == []


def test_a_jats_title_that_counts_patients_makes_a_report_of_several(tmp_path):
    from lintcase import grouping
    from lintcase.checks.kit.slots import by_patient
    from lintcase.readers import read
    body = ("<body><sec><title>Case Presentation</title><p>A 61-year-old woman presented with "
            "fever. A 45-year-old woman presented with cough.</p></sec></body>")
    for title, several in (("Two Cases of Kikuchi Disease", True),
                           ("Kikuchi Disease in Type 2 Diabetic Patients", False)):
        path = tmp_path / "article.xml"
        path.write_text(f'<article article-type="case-report"><front><article-meta>'
                        f'<title-group><article-title>{title}</article-title></title-group>'
                        f'</article-meta></front>{body}</article>', encoding="utf-8")
        article = grouping.group([read(path)])[0]
        ages = facts(article.renderings[0], "age")
        assert (by_patient(article, ages) == []) is several, title


def test_a_shares_trailing_zero_is_padding_only_in_a_second_decimal():
    from lintcase.checks.kit.shares import _fits
    assert _fits(281, 1000, "28.10")  # 28.1 printed with a padding zero
    assert _fits(933, 31067, "3.0")  # 3.003%
    # 933 of 31,067 printed as 4.0%: read as "4." with a unit of 1, it passed before
    assert not _fits(933, 31067, "4.0")
    assert not _fits(8, 218, "3.0")  # 3.7%


def test_a_size_in_the_abstract_and_a_caption_is_one_finding_with_each_place_once():
    """Its two dimensions are two facts on each side; the pair was reported from the abstract
    and again from the caption, and the caption's place was listed twice."""
    from pathlib import Path

    from lintcase import grouping
    from lintcase.engine import run as engine
    from lintcase.readers import read
    from lintcase.rulebook.load import default_rule_dirs, load_rules
    path = Path(__file__).parent.parent / "cases/LC219/fail/size-in-abstract-and-caption.md"
    rules = [r for r in load_rules(default_rule_dirs()) if r.code == "LC219"]
    found = engine.run(grouping.group([read(path)]), rules)[0]
    assert len(found) == 1
    places = [(loc.line, loc.column) for loc in found[0].locations]
    assert len(places) == len(set(places)) == 2


def test_cases_named_in_running_text_are_told_apart(tmp_path):
    """A case's name in a paragraph gives the facts after it to that case: the abstract's
    "Case 1: ... Case 2: ..." of doi:10.3389/fonc.2021.619371 (Frontiers, CC BY 4.0;
    case-reports/PMC8176117) and "The first case was ... The second case was ..." of
    doi:10.1155/2016/3621749 (Hindawi, CC BY 4.0; case-reports/PMC4745277). Words that only
    look like a name give nothing to any case."""
    from lintcase.checks.kit.slots import by_patient, case_key
    assert [case_key(m) for m in ("Case 2", "Case II", "Patient B", "the second case",
                                  "Clinical Case #3", "Case no. 4")] == [2, 2, 2, 2, 3, 4]
    named = _article(tmp_path, (
        "# Case report: two patients\n\n## Observation\n\nThe first case was a sixty-year-old "
        "male. The second case was a fifty-year-old female.\n"))
    ages = facts(named.renderings[0], "age")
    assert [[f.surface for f in g] for g in by_patient(named, ages)] == \
        [["sixty-year-old"], ["fifty-year-old"]]
    loose = _article(tmp_path, (
        "# Case report: two patients\n\n## Observation\n\nThis is the first case of the "
        "syndrome in a 60-year-old man; the patient a week later was 61 years old. A "
        "50-year-old woman was the second case seen.\n"))
    assert by_patient(loose, facts(loose.renderings[0], "age")) == []


def test_a_second_cycle_is_no_second_patient(tmp_path):
    """Words between a case's name and a fact that only look like another patient ("a second
    cycle", "the other side") leave the fact to the case named."""
    from lintcase.checks.kit.slots import by_patient
    article = _article(tmp_path, (
        "# Case report: two patients\n\n## Abstract\n\nCase 1: After a second cycle, the "
        "69-year-old man improved. Case 2: After surgery on the other side, the 71-year-old "
        "woman improved.\n\n## Case 1\n\nA 69-year-old man presented.\n\n## Case 2\n\nA "
        "71-year-old woman presented.\n"))
    groups = by_patient(article, facts(article.renderings[0], "age"))
    assert sorted(len(g) for g in groups) == [2, 2]
