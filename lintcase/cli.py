"""The command line: parse options, call the pipeline, print, exit. Nothing else lives here.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, rule or input error (input
errors only when nothing at all could be checked).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__, discover, engine
from .formatters import NAMES, Report, formatter
from .rules import RuleError, default_rule_dirs, load_rules


class UsageError(click.UsageError):
    exit_code = 2


def _rules(extra: tuple[str, ...], no_default: bool = False):
    dirs = ([] if no_default else default_rule_dirs()) + [Path(d) for d in extra]
    try:
        return load_rules(dirs)
    except RuleError as e:
        click.echo(f"lintcase: invalid rule: {e}", err=True)
        sys.exit(2)


@click.group()
@click.version_option(__version__, prog_name="lintcase")
def main():
    """Find contradictions between and within the renderings of scholarly articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(NAMES), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra folder of rule files (repeatable).")
@click.option("--select", multiple=True, help="Only these rules: code, name or prefix (LC2).")
@click.option("--ignore", multiple=True, help="Skip these rules: code, name or prefix.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]),
              default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--no-siblings", is_flag=True, help="Do not read other renderings beside named files.")
def check(paths, fmt, output, rule_dirs, select, ignore, fail_on, no_siblings):
    """Check the articles in PATHS (files or folders)."""
    rules = engine.select(_rules(rule_dirs), list(select), list(ignore))
    inputs, errors = discover.collect(list(paths), siblings=not no_siblings)
    renderings, read_errors = discover.load(inputs)
    errors += read_errors
    articles = discover.group(renderings, inputs.named)
    findings, rule_errors = engine.run(articles, rules)
    report = Report(tuple(findings), tuple(errors + rule_errors), tuple(articles),
                    len([f for f in inputs.files if f in inputs.named]), __version__)
    text = formatter(fmt)(report)
    if output:
        _write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(report, fail_on))


def exit_code(report: Report, fail_on: str) -> int:
    if not report.articles and report.errors:
        return 2
    if fail_on == "never":
        return 0
    floor = engine.SEVERITY_RANK[fail_on]
    return int(any(engine.SEVERITY_RANK[f.severity] >= floor for f in report.findings))


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.lintcase-tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@main.command("rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def list_rules(rule_dirs):
    """List the rules: code, name, severity, summary."""
    for r in _rules(rule_dirs):
        click.echo(f"{r.code}  {r.name:<34} {r.severity:<8} {r.summary}")


@main.command()
@click.argument("rule")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def explain(rule, rule_dirs):
    """Explain one rule, by code or name."""
    found = [r for r in _rules(rule_dirs) if rule.upper() == r.code or rule == r.name]
    if not found:
        raise UsageError(f"no rule named {rule!r}; see `lintcase rules`")
    r = found[0]
    click.echo(f"{r.code} {r.name} ({r.severity}, check: {r.check})\n\n"
               f"## What it does\n{r.summary}\n\n## Why it matters\n{r.rationale.strip()}\n")
