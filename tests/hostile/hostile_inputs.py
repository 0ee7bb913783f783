"""Builders of hostile and broken input files for the tests in this folder.

Nothing hostile is stored in the repository: every file is generated into the test's tmp_path.
`folder_with` puts the good seed pair (JATS + PDF text of one case report, with its three known
defects) beside the generated files, so each test can also assert that the run went on.
"""
from __future__ import annotations

import codecs
import hashlib
import shutil
import socket
import threading
from pathlib import Path

from conftest import PDF_SEED, XML_SEED

SEED_RULES = {"LC101", "LC201", "LC202"}  # what the seed pair reports when it is checked


def folder_with(tmp_path: Path, files: dict[str, bytes], name: str = "in") -> Path:
    d = tmp_path / name
    d.mkdir()
    shutil.copy(XML_SEED, d)
    shutil.copy(PDF_SEED, d)
    for fname, data in files.items():
        (d / fname).write_bytes(data)
    return d


def digest(folder: Path) -> dict[str, str]:
    """Every file under folder (recursively) -> sha256: detects a change, a new or lost file."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def jats(body: str, title: str = "A hostile case", doctype: str = "", decl: str = "",
         doi: str = "") -> bytes:
    """A small JATS article; `doctype` goes before <article> (internal subsets live there)."""
    doi = doi or "10.9999/" + hashlib.sha1((title + body).encode()).hexdigest()[:10]
    return (f'<?xml version="1.0"{decl}?>\n{doctype}\n<article xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'xmlns:xi="http://www.w3.org/2001/XInclude" article-type="case-report">'
            f'<front><article-meta><article-id pub-id-type="doi">{doi}</article-id>'
            f"<title-group><article-title>{title}</article-title></title-group></article-meta>"
            f"</front>\n<body><sec><title>Case presentation</title>\n{body}\n</sec></body>"
            f"</article>\n").encode("utf-8")


def billion_laughs(levels: int = 10) -> str:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, levels)]
    return "<!DOCTYPE article [\n" + "\n".join(decls) + "\n]>"


def hostile_xml(secret: Path, secret_dtd: Path, port: int) -> dict[str, bytes]:
    """XML that would leak `secret`, fetch from 127.0.0.1:port or blow up if resolved."""
    url = f"http://127.0.0.1:{port}"
    return {
        "xxe_hostname.xml": jats("<p>The host is &xxe; here.</p>", "Entity &xxe; title",
                                 '<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'),
        "xxe_secret.xml": jats("<p>The secret is &xxe; here.</p>", "Secret case",
                               f'<!DOCTYPE article [<!ENTITY xxe SYSTEM "file://{secret}">]>'),
        "xxe_network.xml": jats("<p>Fetched: &xxe;.</p>", "Network case",
                                f'<!DOCTYPE article [<!ENTITY xxe SYSTEM "{url}/xxe">]>'),
        "xxe_parameter.xml": jats("<p>Parameter entity.</p>", "Parameter case",
                                  f'<!DOCTYPE article [<!ENTITY % p SYSTEM "file://{secret_dtd}"> %p;]>'),
        "billion_laughs.xml": jats("<p>&lol9;</p>", "Laughing case", billion_laughs()),
        "quadratic.xml": jats("<p>" + "&big;" * 20000 + "</p>", "Quadratic case",
                              '<!DOCTYPE article [<!ENTITY big "' + "x" * 50000 + '">]>'),
        # no entity declared in the file: these are read, and nothing outside them is resolved
        "dtd_file.xml": jats("<p>External DTD says &leak; and &hostname; and &ndash; only.</p>",
                             "File DTD case", f'<!DOCTYPE article SYSTEM "file://{secret_dtd}">'),
        "dtd_network.xml": jats("<p>Public DTD from the network &leak; here.</p>", "Network DTD case",
                                '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal '
                                f'Publishing DTD v1.3 20210610//EN" "{url}/JATS-journalpublishing1-3.dtd">'),
        "xinclude.xml": jats('<p>Before <xi:include href="/etc/hostname" parse="text"/> after.</p>'
                             f'<p>Secret <xi:include href="file://{secret}" parse="text"/> here.</p>'
                             f'<p>Remote <xi:include href="{url}/xi" parse="xml"/> here.</p>',
                             "XInclude case"),
        "hostile.html": (f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>\n<html><head>'
                         f'<title>Hostile page case</title><link rel="stylesheet" href="{url}/s.css">'
                         f'<script src="{url}/s.js"></script><meta name="citation_doi" '
                         f'content="10.9999/hostile-html"></head><body><article><h1>Hostile page '
                         f'case</h1><p>Entity &leak; and <iframe src="file://{secret}"></iframe>'
                         f'<img src="{url}/i.png"> <object data="file:///etc/hostname"></object> '
                         f"then the the end.</p></article></body></html>\n").encode(),
    }


class CountingServer:
    """A TCP listener on 127.0.0.1 that counts connections: proof that nothing was fetched."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def utf16(text: str, bom: bool = True, big_endian: bool = False) -> bytes:
    enc = "utf-16-be" if big_endian else "utf-16-le"
    mark = (codecs.BOM_UTF16_BE if big_endian else codecs.BOM_UTF16_LE) if bom else b""
    return mark + text.encode(enc)
