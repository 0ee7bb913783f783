"""The language server, driven over stdio as an editor drives it: initialize, open a seed
file, change it, close it, shut down (issue 16)."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from queue import Empty, Queue

import pytest

from conftest import SEEDS

pytest.importorskip("pygls")
SEED = next(p for p in sorted(SEEDS.iterdir())
            if p.read_bytes().startswith(b"<?xml") and b"44 months" in p.read_bytes())


class Client:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "lintcase.cli", "server"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox: Queue = Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"]))))

    def send(self, method, params=None, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params or {}}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def wait(self, pred, timeout=60):
        while True:
            try:
                msg = self.inbox.get(timeout=timeout)
            except Empty:
                raise AssertionError("the server did not answer in time")
            if pred(msg):
                return msg


def diagnostics_of(client, uri):
    msg = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri)
    return msg["params"]["diagnostics"]


def test_the_server_publishes_diagnostics_while_a_document_is_edited(tmp_path):
    copy = tmp_path / "article.xml"
    text = SEED.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    uri = copy.as_uri()
    client = Client()
    try:
        rid = client.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(),
                                         "capabilities": {}}, request=True)
        init = client.wait(lambda m: m.get("id") == rid)
        assert init["result"]["serverInfo"]["name"] == "lintcase"
        assert init["result"]["capabilities"]["textDocumentSync"]["change"] == 1  # full text
        client.send("initialized")
        client.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "xml", "version": 1, "text": text}})
        found = diagnostics_of(client, uri)
        lc201 = [d for d in found if d["code"] == "LC201"]
        assert len(lc201) == 1 and lc201[0]["severity"] == 1 and lc201[0]["source"] == "lintcase"
        assert "44 months" in lc201[0]["message"] and "46 months" in lc201[0]["message"]
        # the other section's place is related information in the same document
        assert [r["location"]["uri"] for r in lc201[0]["relatedInformation"]] == [uri]
        assert lc201[0]["codeDescription"]["href"].endswith("#lc201-follow-up-duration-agrees")
        line = text.splitlines()[lc201[0]["range"]["start"]["line"]]
        start, end = lc201[0]["range"]["start"]["character"], lc201[0]["range"]["end"]["character"]
        assert line[start:end] == "44 months"
        # the editor's text, not the file on disk: the fix shows before it is saved
        fixed = text.replace("treated for 44 months", "treated for 46 months")
        assert fixed != text
        client.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]})
        after = diagnostics_of(client, uri)
        assert not [d for d in after if d["code"] == "LC201"]
        assert {d["code"] for d in after} == {d["code"] for d in found} - {"LC201"}
        client.send("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert diagnostics_of(client, uri) == []
        rid = client.send("shutdown", request=True)
        assert client.wait(lambda m: m.get("id") == rid)["result"] is None
        client.send("exit")
        assert client.proc.wait(timeout=30) == 0
        assert copy.read_text(encoding="utf-8") == text  # the file was never written
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
