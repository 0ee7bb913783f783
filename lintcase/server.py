"""`lintcase server`: a language server (LSP over stdio, on pygls) so an editor shows findings
while an author edits JATS XML, HTML or Markdown.

On open, change and save of a document the server checks the editor's text (not the file on
disk) with `api.check_text`, under the document's own name, so its format and configuration are
found as on the command line; renderings beside it are not read (an open buffer is one
rendering). Each finding becomes a diagnostic at its first place in this document, with the
rule's code, its severity, a link to the rule's entry in docs/rules.md, and its other places as
related information (a cross-section finding shows both sections). Findings whose places are all
in other files are left out. Closing a document clears its diagnostics.
"""
from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__, api
from .formatters.sarif import rule_url

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}

server = LanguageServer("lintcase", __version__,
                        text_document_sync_kind=lsp.TextDocumentSyncKind.Full)


def _range(loc) -> lsp.Range:
    # lintcase counts lines and columns from 1, in characters (code points); LSP from 0, in
    # UTF-16 units by default: the two agree except after a character outside the BMP
    return lsp.Range(start=lsp.Position(line=loc.line - 1, character=loc.column - 1),
                     end=lsp.Position(line=loc.end_line - 1, character=loc.end_column - 1))


def diagnostics(text: str, uri: str) -> list[lsp.Diagnostic]:
    """The findings of one document's text as LSP diagnostics."""
    path = to_fs_path(uri) or uri
    checked = api.check_text(text.encode("utf-8"), path, fail_on="never")
    out = []
    for f in checked.report.findings:
        mine = [loc for loc in f.locations if loc.path == path]
        if not mine:
            continue
        related = [lsp.DiagnosticRelatedInformation(
            location=lsp.Location(uri=uri if loc.path == path else
                                  Path(loc.path).resolve().as_uri(), range=_range(loc)),
            message=f"{loc.rendering}, {loc.section or 'no section'}: {loc.excerpt}")
            for loc in f.locations if loc is not mine[0]]
        out.append(lsp.Diagnostic(
            range=_range(mine[0]), message=f.message, severity=SEVERITY.get(f.severity),
            code=f.rule, source="lintcase",
            code_description=lsp.CodeDescription(href=rule_url(f.rule, f.name)),
            related_information=related or None))
    for e in checked.report.errors:
        line = max(0, e.line - 1)
        out.append(lsp.Diagnostic(
            range=lsp.Range(start=lsp.Position(line=line, character=max(0, e.column - 1)),
                            end=lsp.Position(line=line, character=max(0, e.column - 1))),
            message=e.reason, severity=lsp.DiagnosticSeverity.Error, code=e.code,
            source="lintcase"))
    return out


def _publish(ls: LanguageServer, uri: str) -> None:
    doc = ls.workspace.get_text_document(uri)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
        uri=uri, version=doc.version, diagnostics=diagnostics(doc.source, uri)))


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
        uri=params.text_document.uri, diagnostics=[]))


def main() -> None:
    server.start_io()
