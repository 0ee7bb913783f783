"""The HTML report of the seeds in a real browser (headless Chromium): it renders to a non-blank
screenshot, and the DOM Chromium builds holds the three seed defects with both excerpts.

CI installs the browser with `apt-get install -y chromium` (Debian); without it these tests skip.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from html import unescape

import pytest

from conftest import ROOT, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The seeds' HTML report, made by the real CLI from the repository root."""
    folder = tmp_path_factory.mktemp("html-report")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        code, out = run("check", "seeds", "--format", "html")
    assert code == 1 and out.startswith("<!DOCTYPE html>")
    page = folder / "report.html"
    page.write_text(out, encoding="utf-8")
    return page


def chromium(page, folder, *args, hash: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={folder / 'profile'}", *args,
         page.as_uri() + hash], capture_output=True, text=True, timeout=180, check=True)


def png_rows(data: bytes, rows: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the first `rows` unfiltered scanlines of an 8-bit RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp, pos, idat = (3 if colour == 2 else 4), 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        idat += data[pos + 8:pos + 8 + length] if kind == b"IDAT" else b""
        pos += 12 + length
    stride, rows = width * bpp, min(rows, height)
    raw = zlib.decompressobj().decompress(idat, rows * (stride + 1))
    prev, out = bytes(stride), []
    for y in range(rows):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(bytes(line))
        prev = line
    return width, height, out


def test_screenshot_of_the_report_is_a_real_page(report, tmp_path):
    shot = tmp_path / "shot.png"
    chromium(report, tmp_path, f"--screenshot={shot}", "--window-size=1400,2400")
    data = shot.read_bytes()
    assert len(data) > 20_000  # a blank 1400x2400 page compresses to a few kilobytes
    width, height, rows = png_rows(data, 260)  # the header: title, count boxes, badges
    assert (width, height) == (1400, 2400)
    bpp = len(rows[0]) // width
    colours = {row[i:i + 3] for row in rows for i in range(0, len(row), bpp)}
    assert len(colours) >= 50, f"only {len(colours)} colours: the page looks blank"


def test_rendered_dom_shows_the_three_seed_defects_with_both_excerpts(report, tmp_path):
    dom = chromium(report, tmp_path, "--dump-dom").stdout
    marks = [unescape(re.sub(r"<[^>]+>", "", m))
             for m in re.findall(r"<mark\b[^>]*>(.*?)</mark>", dom, re.S)]
    assert {"44 months", "46 months", "dermis", "epidermis", "For"} <= set(marks)
    assert marks.count("absent here") == 1  # "For" is missing from the PDF text
    text = unescape(re.sub(r"<[^>]+>", "", dom))
    assert "The patient has been treated for 44 months" in text
    assert "under follow-up for 46 months" in text
    assert "tumor invasion of the dermis" in text and "tumor invasion into the epidermis" in text
    assert "For Breast cancer ranks" in text
    for rule in ("LC101 renderings-say-the-same", "LC201 follow-up-duration-agrees",
                 "LC202 invasion-depth-exclusive"):
        assert rule in text


def visible(dom: str) -> list[tuple[str, str]]:
    """(rule, severity) of each finding the page shows (not hidden by the filters)."""
    out = []
    for tag in re.findall(r"<div class=\"finding [^>]*>", dom):
        if " hidden" not in tag:
            out.append((re.search(r'data-rule="([^"]+)"', tag).group(1),
                        re.search(r'data-severity="([^"]+)"', tag).group(1)))
    return out


def test_filters_by_severity_rule_article_and_search(report, tmp_path):
    every = visible(chromium(report, tmp_path, "--dump-dom").stdout)
    assert len(every) == 13
    errors = chromium(report, tmp_path, "--virtual-time-budget=2000", "--dump-dom",
                      hash="#severity=error").stdout
    assert sorted(visible(errors)) == [("LC201", "error"), ("LC202", "error")]
    assert "2 of 13 findings shown" in errors
    one = visible(chromium(report, tmp_path, "--virtual-time-budget=2000", "--dump-dom",
                           hash="#rule=LC101").stdout)
    assert one == [("LC101", "info")]
    found = visible(chromium(report, tmp_path, "--virtual-time-budget=2000", "--dump-dom",
                             hash="#q=epidermis").stdout)
    assert found == [("LC202", "error")]
    second = visible(chromium(report, tmp_path, "--virtual-time-budget=2000", "--dump-dom",
                              hash="#article=2").stdout)
    assert second == [("LC310", "info")]  # the web page, checked on its own


@pytest.mark.parametrize("width", [1400, 400])
def test_screenshots_at_desktop_and_phone_width(report, width, tmp_path):
    shot = ROOT / "tests" / "browser" / "out" / f"report-{width}.png"
    shot.parent.mkdir(exist_ok=True)
    chromium(report, tmp_path, f"--screenshot={shot}", f"--window-size={width},1600",
             hash="#severity=error,warning")
    w, h, rows = png_rows(shot.read_bytes(), 400)
    assert (w, h) == (width, 1600)
    bpp = len(rows[0]) // w
    colours = {row[i:i + 3] for row in rows for i in range(0, len(row), bpp)}
    assert len(colours) >= 40, f"only {len(colours)} colours at {width} px: the page looks blank"
