"""Citation ranges whose ends alone are linked, as two publishers mark them up (the markup
patterns of ASM journals and of Taylor & Francis journals in ../shared/corpus, written out here
by hand): every entry inside the range is cited, in order, and nothing is reported."""
from __future__ import annotations

import pytest

from conftest import run

REFS = "".join(f'<ref id="R{i}"><label>{i}</label><mixed-citation><person-group>'
               f'<name><surname>Author{i}</surname><given-names>A</given-names></name>'
               f'</person-group> Title {i}. <source>J</source> <year>2010</year>'
               f'</mixed-citation></ref>' for i in range(1, 9))
# ASM: the dash of "2–5" is a link of its own; T&F: links without a ref-type
ASM = ('<xref ref-type="bibr" rid="R1">1</xref>. Then (<xref ref-type="bibr" rid="R2">2</xref>'
       '<xref ref-type="bibr" rid="R3">&#x2013;</xref><xref ref-type="bibr" rid="R5">5</xref>)'
       ' and <xref ref-type="bibr" rid="R6">6</xref>, <xref ref-type="bibr" rid="R7">7</xref>,'
       ' <xref ref-type="bibr" rid="R8">8</xref>.')
TF = ('[<xref rid="R1">1</xref>]. Then [<xref rid="R2">2</xref>&#x2212;<xref rid="R5">5</xref>]'
      ' and [<xref rid="R6">6</xref>,<xref rid="R7">7</xref>,<xref rid="R8">8</xref>].')


def article(body: str) -> str:
    return ('<?xml version="1.0"?><article article-type="research-article"><front><article-meta>'
            '<title-group><article-title>Ranges of citations in a test article</article-title>'
            f'</title-group></article-meta></front><body><sec><title>Introduction</title><p>As '
            f'shown {body}</p></sec></body><back><ref-list>{REFS}</ref-list></back></article>')


@pytest.mark.parametrize("body", [ASM, TF], ids=["asm", "tandf"])
def test_entries_inside_a_linked_range_are_cited(tmp_path, body):
    path = tmp_path / "article.xml"
    path.write_text(article(body))
    code, out = run("check", path, "--select", "LC301,LC302,LC303", "--no-cache")
    assert "LC30" not in out, out


def test_an_entry_outside_every_range_is_still_uncited(tmp_path):
    path = tmp_path / "article.xml"
    path.write_text(article(TF.replace('<xref rid="R8">8</xref>', "")))
    code, out = run("check", path, "--select", "LC302", "--no-cache")
    assert "LC302" in out and "8 is never cited" in out, out
