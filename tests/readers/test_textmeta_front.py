"""PDF-text front matter: page headers and banners are not the title; author lines end it."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintcase.readers import read

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TITLES = {
    "pairs/PMC12092414": "Editorial: Insights in zoological medicine: 2023",
    "pairs/PMC4238170": "Antimetastatic and Anti-Inflammatory Potentials of Essential Oil from "
                        "Edible Ocimum sanctum Leaves",
    "pairs/PMC5745208": "Green Adeptness in the Synthesis and Stabilization of Copper "
                        "Nanoparticles: Catalytic, Antibacterial, Cytotoxicity, and Antioxidant "
                        "Activities",
    "pairs/PMC4569613": "Detection of genetic variation in Ocimum species using RAPD and ISSR markers",
    "triples/fpsyg-05-01582": "Tracking the evolutionary origins of dog-human cooperation: the "
                              "“Canine Cooperation Hypothesis”",
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
@pytest.mark.parametrize("folder", sorted(TITLES))
def test_title_after_page_header(folder):
    r = read(CORPUS / folder / "article.pdftotext.txt")
    assert r.meta.title is not None and r.meta.title.text == TITLES[folder]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_authors_surname_first_and_bullets():
    r = read(CORPUS / "pairs/PMC4391421" / "article.pdftotext.txt")
    assert [a.text for a in r.meta.authors][:2] == ["Borugă O", "Jianu C"]
    r = read(CORPUS / "pairs/PMC4569613" / "article.pdftotext.txt")
    assert len(r.meta.authors) == 5 and r.meta.authors[1].text == "Ranbir S. Fougat"
