"""The command line: parse options, load the configuration, call the API, print, exit. Nothing
else lives here.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, rule or input error (input
errors only when nothing at all could be checked).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__, api, cache, config
from .commands import output as output_
from .commands import ruletest
from .engine.baseline import BaselineError
from .engine.builtin import BUILTINS, builtin
from .facts import terms
from .formatters import NAMES, chunks
from .rulebook import docs as ruledocs
from .rulebook.load import RuleError, default_rule_dirs, load_rules, load_rules_cached


class UsageError(click.UsageError):
    exit_code = 2


def _rules(extra: tuple[str, ...], cache_dir: Path | None = None):
    """The shipped rules, the project's configured rule folders (found from here, as `check`
    finds its configuration) and the --rules folders."""
    cfg = _config(None, (".",))
    dirs = default_rule_dirs() + [Path(d) for d in api._rule_dirs(cfg, extra)]
    try:
        return load_rules_cached(dirs, cache_dir)
    except RuleError as e:
        _fail(f"invalid rule: {e}")


def _fail(message: str):
    """Exit 2 with the message, one line per problem: "lintcase: invalid configuration:
    FILE: KEY: REASON"."""
    head, _, rest = message.partition(": ") if message.startswith("invalid ") else ("", "", message)
    for line in rest.splitlines():
        click.echo(f"lintcase: {head + ': ' if head else ''}{line}", err=True)
    sys.exit(2)


def _writable(option: str, target: str | None) -> None:
    """A usage error, before anything is checked, for an output whose folder does not exist
    or that is a folder."""
    if not target or target == "-":
        return
    path = Path(target)
    if path.is_dir():
        _fail(f"{option} {target}: is a folder, not a file")
    if not path.exists() and not path.parent.is_dir():
        _fail(f"{option} {target}: folder {path.parent} does not exist")


@click.group()
@click.version_option(__version__, prog_name="lintcase")
def main():
    """Find contradictions between and within the renderings of scholarly articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(NAMES), default=None,
              help="Output format (default: text).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here, not stdout ('-': stdout).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra folder of rule files (repeatable).")
@click.option("--select", multiple=True, help="Only these rules: code, name or prefix (LC2).")
@click.option("--ignore", multiple=True, help="Skip these rules: code, name or prefix.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even with findings.")
@click.option("--max-warnings", type=click.IntRange(min=0), default=None,
              help="Exit 1 only when there are more warnings than this (errors always count).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, allow_dash=True),
              help="Record today's findings here, and exit 0.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: found upward from the first path).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where cached results live (default: $XDG_CACHE_HOME/lintcase or ~/.cache/lintcase).")
@click.option("--no-siblings", is_flag=True, help="Do not read other renderings beside named files.")
@click.option("--vocab", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="An extra folder of vocabulary files for `exclusive` rules (repeatable).")
@click.option("--quiet", "-q", is_flag=True,
              help="Only the findings: no progress bar, no summary line.")
@click.option("--stdin-filename", default=None,
              help="With PATH '-': the name of the rendering read from standard input (its "
                   "extension says its format; default stdin.md).")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour severities in text output: auto (on a terminal, unless NO_COLOR is "
                   "set), always, never.")
def check(paths, fmt, output, rule_dirs, select, ignore, fail_on, exit_zero, max_warnings,
          baseline, write_baseline, config_path, jobs, no_cache, cache_dir, no_siblings, vocab,
          quiet, stdin_filename, colour):
    """Check the articles in PATHS (files or folders; '-': one rendering from standard input)."""
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        _writable(option, target)
    stdin = list(paths) == ["-"]
    cfg = _config(config_path, [stdin_filename or "."] if stdin else paths)
    name = fmt or cfg.get("format") or "text"
    final: list[api.Checked] = []
    try:
        with output_.progress(quiet) as progress:  # closed before any message below is printed
            options = dict(
                config=cfg, select=select, ignore=ignore, rules=rule_dirs,
                fail_on=fail_on, exit_zero=exit_zero, max_warnings=max_warnings,
                baseline=baseline, write_baseline=write_baseline,
                jobs=jobs or cfg.get("jobs") or os.cpu_count() or 1,
                cache_dir=api.cache_folder(cfg, no_cache, cache_dir), vocab=vocab,
                progress=progress)
            if stdin:
                final.append(api.check_text(sys.stdin.buffer.read(),
                                            stdin_filename or "stdin.md", **options))
            elif name == "jsonl":  # each article's lines as soon as it is checked
                output_.write(output_.streamed(api.stream(paths, siblings=not no_siblings, **options), final),
                       name, output, quiet, colour)
            else:
                final.append(api.check(paths, siblings=not no_siblings, **options))
        if name != "jsonl" or stdin:
            output_.write(chunks(name)(final[0].report), name, output, quiet, colour)
    except RuleError as e:
        _fail(f"invalid rule: {e}")
    except config.ConfigError as e:
        _fail(f"invalid configuration: {e}")
    except api.OptionError as e:
        _fail(str(e))
    except (BaselineError, OSError, output_.CheckError) as e:
        _fail(str(e))
    except output_.OutputError as e:
        _fail(f"--output {output}: cannot write: {e.__cause__.strerror or e.__cause__}")
    for note in final[0].notes:  # on stderr, -q or not: what the baseline or the cache did
        click.echo(f"lintcase: {note}", err=True)
    sys.exit(final[0].exit_code)


def _config(config_path, paths) -> config.Config:
    try:
        found = Path(config_path) if config_path else config.find(Path(paths[0]))
        return config.load(found)
    except config.ConfigError as e:
        _fail(f"invalid configuration: {e}")


@main.command("rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text",
              help="markdown: the full catalogue, as in docs/rules.md.")
def list_rules(rule_dirs, fmt):
    """List the rules: code, name, severity, summary."""
    rules = _rules(rule_dirs)
    if fmt == "markdown":
        click.echo(ruledocs.catalogue(rules), nl=False)
        return
    for r in [*rules, *BUILTINS]:
        click.echo(f"{r.code}  {r.name:<34} {r.severity:<8} {r.summary}")


@main.command("server")
def language_server():
    """Run the language server (LSP over stdio) for editors: diagnostics while you edit."""
    try:
        from .server import main as serve
    except ImportError as e:
        _fail(f"the language server needs pygls: pip install 'lintcase[server]' ({e})")
    serve()


@main.command("clean")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="The cache folder (default: the configured one, else the user's).")
def clean_cache(cache_dir):
    """Remove lintcase's result cache (only its own entry files)."""
    cfg = _config(None, (".",))
    folder = Path(cache_dir) if cache_dir else api.cache_folder(cfg, False, None)
    if folder is None:
        click.echo("the configuration turns the cache off (cache: false): nothing to remove")
        return
    files, size = cache.clean(folder)
    click.echo(f"removed {files} cache entr{'y' if files == 1 else 'ies'} "
               f"({size / 1e6:.1f} MB) from {folder}")


@main.command("facts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--timeline", is_flag=True,
              help="The reconstructed case timeline (one per patient, renderings merged, with "
                   "the history dates), not every fact.")
@click.option("--siblings", is_flag=True, help="Also read other renderings beside named files.")
def facts_command(paths, timeline, siblings):
    """Print the facts lintcase extracts (JSON), or the case timeline: for people writing rules
    and for editors checking a case's chronology."""
    from .commands import factsdump
    dump = factsdump.timeline_text if timeline else factsdump.facts_json
    click.echo(dump(list(paths), siblings=siblings), nl=False)


@main.command("test")
@click.argument("rules_dir", type=click.Path(file_okay=False, exists=True))
def test_rules(rules_dir):
    """Run the examples (and cases/ fixtures) of the rules in RULES_DIR."""
    try:
        rules = load_rules([Path(rules_dir)])
    except RuleError as e:
        _fail(f"invalid rule: {e}")
    if (Path(rules_dir) / "vocab").is_dir():
        terms.add_folder(Path(rules_dir) / "vocab")
    outcomes = ruletest.run_pack(rules, Path(rules_dir))
    for o in outcomes:
        mark = "ok  " if o.ok else "FAIL"
        click.echo(f"{mark} {o.rule} {o.expect:<4} {o.case}: {o.detail}")
    failed = sum(not o.ok for o in outcomes)
    click.echo(f"{len(outcomes) - failed} passed, {failed} failed")
    sys.exit(1 if failed or not outcomes else 0)


@main.command()
@click.argument("rule")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def explain(rule, rule_dirs):
    """Explain one rule, by code or name."""
    found = [r for r in _rules(rule_dirs) if rule.upper() == r.code or rule == r.name]
    own = builtin(rule)
    if own is not None and not found:
        click.echo(f"### {own.code} {own.name}\n\nSeverity: {own.severity}. Reported by the "
                   f"engine itself (no rule file).\n\n#### What it does\n\n{own.summary}\n\n"
                   f"#### Why it matters\n\n{own.rationale}\n")
        return
    if not found:
        raise UsageError(f"no rule named {rule!r}; see `lintcase rules`")
    click.echo(ruledocs.explain(found[0]), nl=False)


if __name__ == "__main__":
    main()
