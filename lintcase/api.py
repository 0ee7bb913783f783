"""The one entry point for checking articles, for the command line and library users alike:
`check(paths, ...)` loads the rules, runs the pipeline, applies the baseline and the exit-code
policy, and returns the report with the notes a user should see and the exit code.

Problems a user must fix before anything can be checked are exceptions: config.ConfigError
(an invalid configuration, an unknown rule in its severity overrides), rulebook.load.RuleError
(an invalid rule file), engine.baseline.BaselineError (a baseline that cannot be read),
OptionError (an argument naming no rule).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__, cache, config, discover, runner
from .engine import baseline as baselines
from .engine import filters, policy
from .engine.builtin import BUILTINS
from .formatters import Report
from .rulebook import select as selectors
from .rulebook.load import Rule, default_rule_dirs, load_rules_cached


class OptionError(Exception):
    """Arguments that name no rule: `problems` holds (option, reason) pairs, all of them."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("\n".join(f"{o}: {r}" for o, r in problems))
        self.problems = problems


@dataclass(frozen=True)
class Checked:
    """What a check returns: the report (findings, input errors, articles), notes for the user
    (what the baseline or the cache did) and the exit code the command line would give."""
    report: Report
    notes: tuple[str, ...] = ()   # for the user, on stderr: what the baseline did
    exit_code: int = 0

    def to_json(self) -> dict:
        """The report as `--format json` prints it (lintcase/schemas/findings.schema.json)."""
        import json

        from .formatters.json import document
        return json.loads(json.dumps(document(self.report)))  # plain lists and dicts


def check(paths: Iterable[str], *, config: config.Config | None = None,
          select: Iterable[str] = (), ignore: Iterable[str] = (), rules: Iterable[str] = (),
          fail_on: str | None = None, exit_zero: bool | None = None,
          max_warnings: int | None = None, baseline: str | None = None,
          write_baseline: str | None = None, jobs: int | None = 1, cache_dir: Path | None = None,
          siblings: bool = True, vocab: Iterable[str] = (),
          progress: Callable[[int, int], None] | None = None) -> Checked:
    """Check the articles under `paths`. `config` (default: found upward from the first path)
    supplies whatever an argument leaves out; `rules` are extra rule folders, `vocab` extra
    vocabulary folders; `cache_dir` None means no result cache."""
    for event in stream(paths, config=config, select=select, ignore=ignore, rules=rules,
                        fail_on=fail_on, exit_zero=exit_zero, max_warnings=max_warnings,
                        baseline=baseline, write_baseline=write_baseline, jobs=jobs,
                        cache_dir=cache_dir, siblings=siblings, vocab=vocab, progress=progress):
        if isinstance(event, Checked):
            return event
    raise AssertionError("stream() ends with its Checked")


Done = runner.Done


def stream(paths: Iterable[str], *, config: config.Config | None = None,
           select: Iterable[str] = (), ignore: Iterable[str] = (), rules: Iterable[str] = (),
           fail_on: str | None = None, exit_zero: bool | None = None,
           max_warnings: int | None = None, baseline: str | None = None,
           write_baseline: str | None = None, jobs: int | None = 1,
           cache_dir: Path | None = None, siblings: bool = True, vocab: Iterable[str] = (),
           progress: Callable[[int, int], None] | None = None) -> Iterator[Done | Checked]:
    """`check` as it happens, with the same arguments: a `Done` (article, findings, rechecked)
    for each article as soon as it is checked, the baseline's known findings left out, then
    the `Checked` that `check` returns. A Done with `rechecked` true replaces what came before
    for its article key. Errors in the arguments or configuration are raised before the first
    article."""
    paths = list(paths)
    cfg = config if config is not None else _found_config(paths)
    refused = ""
    if cache_dir is not None:
        cache_dir, refused = cache.safe_folder(Path(cache_dir))
    loaded = load_rules_cached(default_rule_dirs() + [Path(d) for d in _rule_dirs(cfg, rules)],
                               cache_dir)
    rule_set = configured_rules(cfg, tuple(select), tuple(ignore), loaded)
    catalog = tuple((r.code, r.name, tuple(r.groups)) for r in loaded) + \
        tuple((b.code, b.name, ()) for b in BUILTINS)
    opts = runner.Options(
        rules=tuple(rule_set), siblings=siblings, jobs=jobs or cfg.get("jobs") or 1,
        cache_dir=cache_dir,
        ignores=tuple((str(cfg.relative(".")), glob, tuple(codes))
                      for glob, codes in cfg.get("per-path-ignores", {}).items()),
        vocab=tuple(str(cfg.relative(v)) for v in cfg.get("vocab", [])) + tuple(vocab)
        + _pack_vocab(tuple(cfg.get("rules", [])) + tuple(rules), cfg),
        exclusions=exclusions(cfg), catalog=catalog)
    baseline = baseline or _cfg_path(cfg, "baseline")
    known = baselines.load(Path(baseline)) if baseline and not write_baseline else None
    for event in runner.events(paths, opts, progress):
        if isinstance(event, runner.Done):
            if known is not None:  # fingerprints name their article: one article at a time
                event = Done(event.article, tuple(baselines.subtract(list(event.findings),
                                                                     known)[0]),
                             event.rechecked)
            yield event
            continue
        result = event
    findings, notes = baselines.apply(result.findings, baseline, write_baseline,
                                      {a.key for a in result.articles})
    cache.prune(cache_dir)
    notes = [refused] * bool(refused) + list(notes)
    report = Report(tuple(findings), tuple(result.errors), tuple(result.articles), result.files,
                    __version__, rules=tuple(rule_set))
    limit = max_warnings if max_warnings is not None else cfg.get("max-warnings")
    code = policy.exit_code(report, policy.fail_level(fail_on, exit_zero, cfg), limit)
    if write_baseline and code == 1:
        code = 0  # writing a baseline accepts today's findings: the run did what was asked
    yield Checked(report, tuple(notes), code)


def check_text(data: bytes, filename: str, **options) -> Checked:
    """Check one rendering given as bytes (an editor's buffer, standard input): `filename` names
    it in the report and decides its format as a file's name would (its folder need not exist,
    and no file beside it is read). The other options are `check`'s."""
    import dataclasses
    import tempfile
    name = Path(filename).name or "stdin.md"
    with tempfile.TemporaryDirectory(prefix="lintcase-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        options.setdefault("config", _found_config([str(Path(filename).parent or ".")]))
        checked = check([str(path)], siblings=False, **options)

    def moved(p: str) -> str:
        return filename if p == str(path) else p

    def relocate(loc):
        return dataclasses.replace(loc, path=moved(loc.path))
    r = checked.report
    report = dataclasses.replace(
        r, findings=tuple(dataclasses.replace(f, locations=tuple(map(relocate, f.locations)))
                          for f in r.findings),
        errors=tuple(dataclasses.replace(e, path=moved(e.path)) for e in r.errors),
        articles=tuple(dataclasses.replace(a, renderings=tuple(
            dataclasses.replace(x, path=moved(x.path)) for x in a.renderings))
            for a in r.articles))
    return dataclasses.replace(checked, report=report)


def cache_folder(cfg: config.Config, no_cache: bool, cache_dir: str | None) -> Path | None:
    """Where results are cached: nowhere with --no-cache or `cache: false`, else --cache-dir
    or the user's cache folder."""
    if no_cache or cfg.get("cache") is False:
        return None
    return Path(cache_dir) if cache_dir else cache.default_folder()


def configured_rules(cfg: config.Config, select: tuple[str, ...], ignore: tuple[str, ...],
                     rules: list[Rule]) -> list[Rule]:
    """The loaded rules (the shipped ones and the extra folders, the configuration's first)
    with the configuration's severities, selected by the arguments or else by the
    configuration."""
    overrides = cfg.get("severity", {})
    unknown_rules(cfg, rules, select, ignore)
    rules = policy.override_severity(rules, overrides)
    return filters.select(rules, list(select) or cfg.get("select", []),
                          list(ignore) or cfg.get("ignore", []))


def _rule_dirs(cfg: config.Config, rule_dirs) -> tuple[str, ...]:
    """The extra rule folders: the configuration's first, then the arguments'."""
    return tuple(str(cfg.relative(d)) for d in cfg.get("rules", [])) + tuple(rule_dirs)


def unknown_rules(cfg: config.Config, rules: list[Rule], select: tuple[str, ...],
                  ignore: tuple[str, ...]) -> None:
    """Every selector that names no rule, at once: in the configuration (select, ignore,
    per-path-ignores, severity) a ConfigError, in the arguments an OptionError; each says
    which rules were probably meant."""
    problems = [(f"{key}[{k!r}]", reason) for key in ("select", "ignore")
                for k, reason in selectors.problems(rules, cfg.get(key, []))]
    problems += [(f"per-path-ignores.{glob}", reason)
                 for glob, codes in cfg.get("per-path-ignores", {}).items()
                 for _, reason in selectors.problems(rules, codes)]
    problems += [(f"severity.{key}", f"no such rule{selectors.did_you_mean(key, rules)}")
                 for key in policy.unknown_overrides(rules, cfg.get("severity", {}))]
    if problems:
        raise config.ConfigError.of(cfg.path, problems)
    wrong = [(f"--{option} {k}", reason) for option, given in (("select", select),
                                                               ("ignore", ignore))
             for k, reason in selectors.problems(rules, given)]
    if wrong:
        raise OptionError(wrong)


def exclusions(cfg: config.Config) -> discover.Exclusions:
    """What the configuration says is never read: `exclude` (else the default folders),
    `extend-exclude`, and whether .gitignore counts; globs relative to the config file."""
    globs = cfg.get("exclude", sorted(discover.SKIP_DIRS)) + cfg.get("extend-exclude", [])
    return discover.Exclusions(str(cfg.relative(".")), tuple(globs),
                               cfg.get("respect-gitignore", True))


def _found_config(paths: list[str]) -> config.Config:
    return config.load(config.find(Path(paths[0])))


def _cfg_path(cfg: config.Config, key: str) -> str | None:
    return str(cfg.relative(cfg.get(key))) if cfg.get(key) else None


def _pack_vocab(rule_dirs, cfg: config.Config) -> tuple[str, ...]:
    """A rule pack's own vocabularies: the `vocab/` folder beside its rule files."""
    found = (cfg.relative(d) / "vocab" for d in rule_dirs)
    return tuple(str(v) for v in found if v.is_dir())
