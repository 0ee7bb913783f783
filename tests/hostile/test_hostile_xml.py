"""Hostile XML is harmless: entity declarations (external file and network entities, parameter
entities, billion laughs, quadratic blow-up) are refused with a clear error; external DTDs and
XInclude are never resolved; nothing is fetched from the network; no local file's content reaches
any output format."""
from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_json
from hostile_inputs import SEED_RULES, CountingServer, folder_with, hostile_xml
from lintcase.cli import main
from lintcase.formatters import NAMES
from lintcase.readers import read

REFUSED = ("xxe_hostname.xml", "xxe_secret.xml", "xxe_network.xml", "xxe_parameter.xml",
           "billion_laughs.xml", "quadratic.xml")
READ_SAFELY = ("dtd_file.xml", "dtd_network.xml", "xinclude.xml", "hostile.html")
HOSTNAME = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").is_file() else ""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile files beside the seed pair, a secret file they point at, a counting server."""
    tmp = tmp_path_factory.mktemp("hostile-xml")
    token = f"LEAKED-{uuid.uuid4().hex}"
    secret = tmp / "secret.txt"
    secret.write_text(token + "\n")
    secret_dtd = tmp / "secret.dtd"  # declares entities that would carry the secret if loaded
    secret_dtd.write_text(f'<!ENTITY leak "{token}">\n<!ENTITY hostname SYSTEM "file:///etc/hostname">\n'
                          f'<!ENTITY % inner "<!ENTITY leak2 \'{token}\'>"> %inner;\n')
    server = CountingServer()
    folder = folder_with(tmp, hostile_xml(secret, secret_dtd, server.port))
    started = time.monotonic()
    code, doc = run_json(folder, "--no-cache")
    elapsed = time.monotonic() - started
    yield {"folder": folder, "token": token, "server": server, "code": code, "doc": doc,
           "elapsed": elapsed}
    server.close()


def errors_by_name(doc):
    return {Path(e["path"]).name: e for e in doc["errors"]}


def checked_names(doc):
    return {Path(r["path"]).name for a in doc["articles"] for r in a["renderings"]}


@pytest.mark.parametrize("name", REFUSED)
def test_entity_declarations_are_refused_with_file_line_reason(hostile, name):
    e = errors_by_name(hostile["doc"])[name]
    assert e["path"] == str(hostile["folder"] / name)
    assert e["code"] == "LC901"
    assert e["line"] >= 2 and e["column"] > 0  # in the DOCTYPE, which starts on line 2
    assert e["line"] <= 3 if name == "billion_laughs.xml" else e["line"] == 2
    assert "declares entities" in e["reason"]


def test_bombs_are_refused_quickly_and_the_run_goes_on(hostile):
    # billion laughs expands to 3 GB and the quadratic file to 1 GB: refused before expansion
    assert hostile["elapsed"] < 30
    assert SEED_RULES <= {f["rule"] for f in hostile["doc"]["findings"]}
    assert hostile["code"] == 1


@pytest.mark.parametrize("name", READ_SAFELY)
def test_files_without_declarations_are_checked_safely(hostile, name):
    assert name in checked_names(hostile["doc"])
    assert name not in errors_by_name(hostile["doc"])


def test_external_dtd_entities_stay_unresolved(hostile):
    r = read(hostile["folder"] / "dtd_file.xml")
    para = next(b for b in r.blocks if b.kind == "paragraph")
    # &ndash; is a known HTML entity and resolves without any DTD; the DTD's own do not
    assert para.text.text == "External DTD says &leak; and &hostname; and – only."
    assert hostile["token"] not in r.source.text


def test_xinclude_stays_unresolved(hostile):
    r = read(hostile["folder"] / "xinclude.xml")
    texts = [b.text.text for b in r.blocks if b.kind == "paragraph"]
    assert texts == ["Before after.", "Secret here.", "Remote here."]


def test_nothing_is_fetched_from_the_network(hostile):
    server = hostile["server"]
    assert server.connections == 0  # the run (fixture) referenced the server in 4 files
    import socket
    socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
    deadline = time.monotonic() + 2
    while server.connections == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.connections == 1  # and the listener did count a real connection


def _appears(needle: str, text: str) -> bool:
    if len(needle) >= 8:
        return needle in text
    return re.search(rf"(?<![\w.-]){re.escape(needle)}(?![\w.-])", text) is not None


@pytest.mark.parametrize("fmt", NAMES)
def test_no_local_file_content_reaches_any_output(hostile, tmp_path, fmt):
    out_file = tmp_path / f"report.{fmt}"
    stdout = CliRunner().invoke(main, ["check", "--no-cache", str(hostile["folder"]), "--format", fmt]).stdout
    CliRunner().invoke(main, ["check", "--no-cache", str(hostile["folder"]), "--format", fmt, "-o", str(out_file)])
    for output in (stdout, out_file.read_text()):
        # the output is about these files (so the check is not vacuous) ...
        if fmt == "statistics":  # counts per rule, then each input error with its path
            assert "xxe_secret.xml" in output and "LC" in output
        else:
            assert "xxe_secret.xml" in output and "hostile.html" in output
        # ... and holds neither the secret file's content nor this machine's host name
        assert hostile["token"] not in output
        if HOSTNAME:
            assert not _appears(HOSTNAME, output), f"/etc/hostname ({HOSTNAME!r}) leaked into {fmt}"
