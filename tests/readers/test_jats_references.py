"""The JATS reference list: surnames as the source marks them, untagged entries read as printed."""
from __future__ import annotations

from lintcase.readers import read

XML = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><article-meta><title-group><article-title>T</article-title></title-group>
</article-meta></front><back><ref-list>
<ref id="r1"><label>1</label><element-citation><person-group person-group-type="author">
<name><surname>Shakila Banu</surname><given-names>A</given-names></name>
<name><surname>Brindha</surname><given-names>P</given-names></name><collab>WHO Study Group</collab>
</person-group>
<person-group person-group-type="editor"><name><surname>Editor</surname><given-names>E</given-names></name></person-group>
<article-title>Synthesis of nickel nanoparticles</article-title><source>Toxicol Environ Chem</source>
<year>2014</year><volume>96</volume><fpage>743</fpage><lpage>54</lpage></element-citation></ref>
<ref id="r2"><label>2</label><mixed-citation>Duellman WE, Trueb L (1986) Biology of Amphibians. New York: McGraw-Hill. 670 p.</mixed-citation></ref>
</ref-list></back></article>
"""


def test_surnames_and_printed_fallback(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(XML, encoding="utf-8")
    first, second = read(path).references
    assert first.surnames == ("Shakila Banu", "Brindha")
    assert first.authors == ("Shakila Banu A", "Brindha P", "WHO Study Group")
    assert (first.year, first.volume, first.pages) == ("2014", "96", "743-54")
    # an entry typed as one string gets its fields from the printed text
    assert second.authors[:2] == ("Duellman WE", "Trueb L")
    assert second.year == "1986"
    assert second.surnames == ()
