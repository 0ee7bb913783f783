"""lintcase: find contradictions between and within the renderings of a scholarly article.

The public Python interface (docs/api.md) is `lintcase.check(paths, ...)` and
`lintcase.check_text(data, filename, ...)`, both returning a `Checked` (`.report`, `.notes`,
`.exit_code`, `.to_json()`), and `lintcase.stream(paths, ...)`, the same check as it happens (a
`Done` per article, then the `Checked`); they are imported on first use, so `import lintcase`
stays cheap.
"""
__version__ = "0.1.0"
__all__ = ["check", "check_text", "stream", "Checked", "Done", "__version__"]


def __getattr__(name: str):
    if name in ("check", "check_text", "stream", "Checked", "Done"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'lintcase' has no attribute {name!r}")
