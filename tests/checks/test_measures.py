"""kit.measures: the numbers a statement of a quantity gives, and when two give one value."""
from __future__ import annotations

from lintcase.checks.kit.measures import extent, same_value, size_text
from lintcase.facts import facts
from lintcase.model import Block, Meta, Rendering, Source, verbatim_text


def _quantities(text: str):
    source = Source("t.txt", text)
    block = Block("paragraph", ("Case presentation",), verbatim_text(source, 0, len(text)))
    r = Rendering("t.txt", "text", Meta(article_type="case-report"), (block,), source=source)
    return facts(r, "quantity")


def test_a_size_is_read_with_all_its_dimensions_whichever_fact_holds_it():
    q = _quantities("a mass of 4.2 × 3.1 cm, then one of 6.52 cm by 4.98 cm, and 2.3 cm × 2 cm.")
    assert [size_text(f) for f in q] == ["4.2 × 3.1 cm", "6.52 cm by 4.98 cm",
                                         "6.52 cm by 4.98 cm", "2.3 cm × 2 cm", "2.3 cm × 2 cm"]
    assert extent(q[0]) == [(4.2, 1), (3.1, 1)]


def test_one_value_in_two_units_and_precisions_is_the_same():
    a, b, c, d = _quantities("2.5 cm, 25 mm, 2 cm and 2.3 cm.")
    assert same_value(a, b) and same_value(b, a)
    assert same_value(c, d)  # "2 cm" may be 2.3 cm rounded
    assert not same_value(b, d)


def test_sizes_are_equal_only_with_every_dimension():
    a, b, c = _quantities("20 × 15 mm; 25 × 15 mm; 15 mm.")
    assert not same_value(a, b)  # the 15 is shared, the 20 is not
    assert same_value(a, c) and same_value(b, c)  # a single value: one of the dimensions


def test_a_value_inside_a_range_agrees_and_one_outside_does_not():
    a, b, c = _quantities("8 mm, 6–9 mm and 12 mm.")
    assert same_value(a, b) and same_value(b, a)
    assert not same_value(c, b)
