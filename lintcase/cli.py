"""The command line: parse options, call the pipeline, print, exit. Nothing else lives here.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, rule or input error (input
errors only when nothing at all could be checked).
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from pathlib import Path

import click

from . import __version__, baseline, cache, config, engine, ruledocs, ruletest, runner
from .facts import terms
from .formatters import NAMES, Report, chunks
from .rules import RuleError, default_rule_dirs, load_rules, load_rules_cached


class UsageError(click.UsageError):
    exit_code = 2


def _rules(extra: tuple[str, ...], cache_dir: Path | None = None):
    dirs = default_rule_dirs() + [Path(d) for d in extra]
    try:
        return load_rules_cached(dirs, cache_dir)
    except RuleError as e:
        click.echo(f"lintcase: invalid rule: {e}", err=True)
        sys.exit(2)


@click.group()
@click.version_option(__version__, prog_name="lintcase")
def main():
    """Find contradictions between and within the renderings of scholarly articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(NAMES), default=None,
              help="Output format (default: text).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
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
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings here.")
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
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on the terminal.")
def check(paths, fmt, output, rule_dirs, select, ignore, fail_on, exit_zero, max_warnings,
          baseline, write_baseline, config_path, jobs, no_cache, cache_dir, no_siblings, vocab,
          quiet):
    """Check the articles in PATHS (files or folders)."""
    cfg = _config(config_path, paths)
    cache_at = None if no_cache or cfg.get("cache") is False else \
        Path(cache_dir) if cache_dir else cache.default_folder()
    rules = _configured_rules(cfg, rule_dirs, select, ignore, cache_at)
    opts = runner.Options(
        rules=tuple(rules), siblings=not no_siblings,
        jobs=jobs or cfg.get("jobs") or os.cpu_count() or 1,
        cache_dir=cache_at,
        ignores=tuple((str(cfg.relative(".")), glob, tuple(codes))
                      for glob, codes in cfg.get("per-path-ignores", {}).items()),
        vocab=tuple(str(cfg.relative(v)) for v in cfg.get("vocab", [])) + tuple(vocab)
        + _pack_vocab(tuple(cfg.get("rules", [])) + tuple(rule_dirs), cfg))
    with _progress(quiet) as progress:
        result = runner.run(list(paths), opts, progress)
    findings, notes = _baseline(result.findings, baseline or _cfg_path(cfg, "baseline"), write_baseline)
    report = Report(tuple(findings), tuple(result.errors), tuple(result.articles), result.files,
                    __version__, rules=tuple(rules))
    pieces = chunks(fmt or cfg.get("format") or "text")(report)
    if output:
        cache.write_atomic(Path(output), (p.encode("utf-8") for p in pieces))
    else:
        for piece in pieces:  # written as it is encoded: a large report is never held whole
            click.echo(piece, nl=False)
    for note in notes:
        click.echo(f"lintcase: {note}", err=True)
    fail = fail_on or cfg.get("fail-on") or "warning"
    zero = exit_zero if exit_zero is not None else cfg.get("exit-zero", False)
    limit = max_warnings if max_warnings is not None else cfg.get("max-warnings")
    sys.exit(exit_code(report, "never" if zero else fail, limit))


def _pack_vocab(rule_dirs, cfg: config.Config) -> tuple[str, ...]:
    """A rule pack's own vocabularies: the `vocab/` folder beside its rule files."""
    found = (cfg.relative(d) / "vocab" for d in rule_dirs)
    return tuple(str(v) for v in found if v.is_dir())


@contextlib.contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr, only when a person is watching it (a terminal)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    state = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state and total > 1:
            state["bar"] = click.progressbar(length=total, label="checking", file=sys.stderr)
            state["bar"].__enter__()
        if "bar" in state:
            state["bar"].update(done - state.get("done", 0))
            state["done"] = done
    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _config(config_path, paths) -> config.Config:
    try:
        found = Path(config_path) if config_path else config.find(Path(paths[0]))
        return config.load(found)
    except config.ConfigError as e:
        click.echo(f"lintcase: invalid configuration: {e}", err=True)
        sys.exit(2)


def _cfg_path(cfg: config.Config, key: str) -> str | None:
    return str(cfg.relative(cfg.get(key))) if cfg.get(key) else None


def _configured_rules(cfg: config.Config, rule_dirs, select, ignore, cache_at=None):
    dirs = tuple(str(cfg.relative(d)) for d in cfg.get("rules", [])) + tuple(rule_dirs)
    rules = _rules(dirs, cache_at)
    overrides = cfg.get("severity", {})
    known = {r.code for r in rules} | {r.name for r in rules}
    for key in overrides:
        if key not in known:
            click.echo(f"lintcase: invalid configuration: {cfg.path}: severity.{key}: "
                       f"no such rule", err=True)
            sys.exit(2)
    rules = [dataclasses.replace(r, severity=overrides.get(r.code, overrides.get(r.name, r.severity)))
             for r in rules]
    return engine.select(rules, list(select) or cfg.get("select", []),
                         list(ignore) or cfg.get("ignore", []))


def _baseline(findings, baseline_path, write_path):
    notes = []
    if write_path:
        _write_atomic(Path(write_path), baseline.document(findings))
        notes.append(f"wrote {len(findings)} finding(s) to the baseline {write_path}")
        return findings, notes
    if not baseline_path:
        return findings, notes
    try:
        entries = baseline.load(Path(baseline_path))
    except baseline.BaselineError as e:
        click.echo(f"lintcase: {e}", err=True)
        sys.exit(2)
    new, stale = baseline.subtract(findings, entries)
    notes.append(f"baseline {baseline_path}: {len(findings) - len(new)} known finding(s) hidden, "
                 f"{len(new)} new")
    for e in stale:
        notes.append(f"baseline {baseline_path}: stale entry {e['fingerprint']} ({e.get('rule', '?')}: "
                     f"{e.get('message', '')[:80]}) no longer occurs; rewrite the baseline")
    return new, notes


def exit_code(report: Report, fail_on: str, max_warnings: int | None = None) -> int:
    if not report.articles and report.errors:
        return 2
    if fail_on == "never":
        return 0
    floor = engine.SEVERITY_RANK[fail_on]
    counted = [f for f in report.findings if engine.SEVERITY_RANK[f.severity] >= floor]
    if max_warnings is not None:
        warnings = sum(1 for f in counted if f.severity == "warning")
        others = [f for f in counted if f.severity != "warning"]
        return int(bool(others) or warnings > max_warnings)
    return int(bool(counted))


def _write_atomic(path: Path, text: str) -> None:
    """Write through a unique temporary file and a rename: an interrupted run leaves the old
    file whole and no temporary file behind."""
    cache.write_atomic(path, text.encode("utf-8"))


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
    for r in rules:
        click.echo(f"{r.code}  {r.name:<34} {r.severity:<8} {r.summary}")


@main.command("facts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--timeline", is_flag=True, help="The reconstructed case timeline, not every fact.")
@click.option("--siblings", is_flag=True, help="Also read other renderings beside named files.")
def facts_command(paths, timeline, siblings):
    """Print the facts lintcase extracts (JSON), or the case timeline: for people writing rules
    and for editors checking a case's chronology."""
    from . import factsdump
    dump = factsdump.timeline_text if timeline else factsdump.facts_json
    click.echo(dump(list(paths), siblings=siblings), nl=False)


@main.command("test")
@click.argument("rules_dir", type=click.Path(file_okay=False, exists=True))
def test_rules(rules_dir):
    """Run the examples (and cases/ fixtures) of the rules in RULES_DIR."""
    try:
        rules = load_rules([Path(rules_dir)])
    except RuleError as e:
        click.echo(f"lintcase: invalid rule: {e}", err=True)
        sys.exit(2)
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
    if not found:
        raise UsageError(f"no rule named {rule!r}; see `lintcase rules`")
    click.echo(ruledocs.explain(found[0]), nl=False)


if __name__ == "__main__":
    main()
