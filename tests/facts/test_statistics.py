"""Reported statistics: extraction from real sentences and the arithmetic that checks them.

Sentences marked with a DOI are quoted from articles of ../shared/corpus (each CC BY 4.0, as
its <license> element states); the others are the typographic variants and traps the issue
names, written for the test."""
from __future__ import annotations

import pytest

from helpers import rendering

from lintcase.checks.kit import stats
from lintcase.facts import statistics as S


def values(kind: str, text: str):
    return [f.value for f in getattr(S, kind)(rendering(text, section=("Results",)))]


# (sentence, its article, the statistic read)
STATISTICS = [
    ("a significant interaction effect for sound type × species (F(1,66) = 11.705, p < 0.001)",
     "10.1007/s10071-018-1165-3", ("F", (1.0, 66.0), "11.705", "<", "0.001", False)),
    ("variance with Levene’s test for homogeneity of variances (F(1,590) = 28.77, p = 0.051).",
     "10.1038/s41598-018-26222-w", ("F", (1.0, 590.0), "28.77", "=", "0.051", False)),
    ("“lipid transport” (Z = 2.31, p = 0.010, q = 0.030)",
     "10.7717/peerj.4322", ("z", (), "2.31", "=", "0.010", False)),
    ("The association held, χ2(1, N = 120) = 8.10, p = .004.", "", ("chi2", (1.0,), "8.10", "=", ".004", False)),
    ("Scores differed, t(28) = \u22122.10, p = .045, between groups.", "", ("t", (28.0,), "-2.10", "=", ".045", False)),
    ("with t = 2.10, df = 28, P = 0.045 in the second test", "", ("t", (28.0,), "2.10", "=", "0.045", False)),
    ("the χ2 = 8.1, df = 2, P = 0.02 for trend", "", ("chi2", (2.0,), "8.1", "=", "0.02", False)),
    ("correlated, r(58) = .32, p = .012, as expected", "", ("r", (58.0,), ".32", "=", ".012", False)),
    ("a goodness of fit χ2(1) = 50,618, p < 0.001", "", ("chi2", (1.0,), "50618", "<", "0.001", False)),
    ("(Z = 4.19, p = 1.40E − 05, q = 1.99E − 04)", "10.7717/peerj.4322",
     ("z", (), "4.19", "=", "1.40E-05", False)),
]


@pytest.mark.parametrize("text,doi,value", STATISTICS)
def test_statistics_are_read_with_their_p_values(text, doi, value):
    assert values("statistics", text) == [value]


def test_statistics_traps():
    assert values("statistics", "p for trend = 0.03 across the tertiles (Table 2)") == []
    assert values("statistics", "F(1, 66) = 11.7 in the first model and p = 0.02 in") == []
    # an exponent the p value runs on into is never cut to its mantissa
    assert values("statistics", "(Z = 3.72, p = 1.01E − 04, q = 2.45E − 03)")[0][4] == "1.01E-04"
    # one-tailed, said anywhere in the document, allows half the two-tailed p
    assert values("statistics", "One-tailed tests were used. We found z = 2.00, p = 0.023.")[0][5]


PROPORTIONS = [
    ("fold change direction in individual DON-treated groups and 51% (44/95) of that in",
     "10.1038/s41598-018-21555-y", (44, 95, "51")),
    ("Of these, 56% (8855/11,629) aligned to the REF contigs uniquely.",
     "10.1186/s12864-018-5040-z", (8855, 11629, "56")),
    ("For the pCO QTL, 13 of 24 (56%) were trans‐acting", "10.1111/tpj.14009", (13, 24, "56")),
    ("A total of 30 out of 720 (4.1%) episodes", "", (30, 720, "4.1")),
    ("recurrence in 12/40 patients (30.0%) after", "", (12, 40, "30.0")),
]


@pytest.mark.parametrize("text,doi,value", PROPORTIONS)
def test_counts_and_percentages_are_read(text, doi, value):
    assert values("proportions", text) == [value]


def test_proportion_traps():
    # a spread, a bound and a range are not the share of the count beside them
    assert values("proportions", "Overall, 3.4 ± 0.7% (2902/83,189) of the collected mosquitoes "
                                 "fed") == []  # 10.1186/s12936-018-2516-x
    assert values("proportions", "Over 90% (55/60) of centres followed it") == []
    assert values("proportions", "in 5–12% of cases (Table 2)") == []
    assert values("proportions", "a dose of 3/4 (75%) of the tablet") == [(3, 4, "75")]


INTERVALS = [
    ("no significant difference between headaches (RR = 1.11, 95% CI 0.93–1.02; Z = 1.13)",
     "10.1002/cam4.1306", ("RR", "1.11", "0.93", "1.02")),
    ("higher risk of nephrotic syndrome (adjusted HR = 4.23, 95% CI = 1.02–1.76) for",
     "10.3390/ijerph15122860", ("HR", "4.23", "1.02", "1.76")),
    ("OR = 2.22, 95%CI: 1.42, 3.46", "", ("OR", "2.22", "1.42", "3.46")),
    ("OR=7.60, 95% CI 1.60 to 35.90", "", ("OR", "7.60", "1.60", "35.90")),
    ("a difference of −0.30 (95% CI −0.55 to −0.05)", "", ("", "-0.30", "-0.55", "-0.05")),
]


@pytest.mark.parametrize("text,doi,value", INTERVALS)
def test_estimates_and_intervals_are_read(text, doi, value):
    assert values("intervals", text) == [value]


def test_interval_traps():
    # a p value, a sample size, a spread or a unit's power just before the interval
    assert values("intervals", "(rho = 0.94, N = 28, p = 0.0001, 95% CI = 0.88–0.97)") == []
    assert values("intervals", "(ICC = 0.70, p < 0.0001, N = 28, 95% CI = 0.53–0.84)") == []
    assert values("intervals", "(6.9 ± 1.9 mmol l−1; 95% CI 5.6–8.1 mmol l−1)") == []
    assert values("intervals", "placebo (0.08 ± 0.03; 90% CI 0.06–0.11)") == []


def test_p_values_recomputed_as_statcheck_does():
    lo, hi = stats.p_range("t", (28.0,), "2.10")
    assert 0.044 < lo < hi < 0.046
    assert stats.p_consistent("=", ".045", lo, hi)
    assert not stats.p_consistent("=", ".002", lo, hi)
    assert stats.p_consistent("<", ".05", lo, hi) and not stats.p_consistent(">", ".05", lo, hi)
    # rounding of the statistic counts: 2.0 stands for 1.95 to 2.05
    assert stats.p_consistent("=", ".05", *stats.p_range("z", (), "2.0"))
    # a decision error: p on the other side of .05 than any value the statistic allows
    assert stats.decision_error("<", ".05", *stats.p_range("t", (28.0,), "1.20"))
    assert stats.decision_error("=", "0.051", *stats.p_range("F", (1.0, 590.0), "28.77"))
    assert not stats.decision_error("=", ".03", *stats.p_range("t", (28.0,), "2.10"))
    assert stats.p_value("1.2 × 10-5") == pytest.approx(1.2e-5)
    # one-tailed: half the two-tailed value is allowed
    assert stats.p_consistent("=", "0.023", *stats.p_range("z", (), "2.00", one_tailed=True))
    assert not stats.p_consistent("=", "0.023", *stats.p_range("z", (), "2.00"))


def test_shares_and_intervals():
    assert stats.share_consistent(12, 40, "30") and stats.share_consistent(12, 40, "30.0")
    assert stats.share_consistent(1, 3, "33") and stats.share_consistent(2, 3, "66")  # cut
    assert not stats.share_consistent(12, 40, "35")
    assert not stats.share_consistent(2020251435, 2045703061, "98.9")  # 98.76
    assert stats.inside("2.3", "1.2", "4.5") == ""
    assert stats.inside("1.11", "0.93", "1.02") == "the estimate lies outside it"
    assert stats.inside("1.0", "1.04", "2.1") == "the estimate lies outside it"
    assert stats.inside("1.0", "1.04", "2.1") and stats.inside("1.04", "1.04", "2.1") == ""
    assert stats.inside("1.5", "2.0", "1.1") == "its lower bound is above its upper bound"


def test_p_values_cut_rather_than_rounded_and_in_powers_of_ten():
    # χ2(5) = 11.25 gives p = 0.0467: "0.046" is that value cut, not a misreport
    assert stats.p_consistent("=", "0.046", *stats.p_range("chi2", (5.0,), "11.25"))
    assert stats.p_consistent("=", "0.010", *stats.p_range("z", (), "2.576"))
    assert not stats.p_consistent("=", "0.010", *stats.p_range("z", (), "2.31"))  # 0.021
    assert stats.p_consistent("=", "2.89E-03", *stats.p_range("z", (), "2.76", one_tailed=True))
    assert not stats.p_consistent("=", "1.0E-04", *stats.p_range("z", (), "3.08"))


def test_seasons_are_not_counts():
    assert values("proportions", "adherence ranged between 9% (2010/11) and 47% (2009/10)") == []
    # a total mistyped below its count is still read (and its share is wrong)
    assert values("proportions", "66.77 % (1071/1064) of them") == [(1071, 1064, "66.77")]


def test_grim_means_of_whole_numbers():
    assert stats.grim("2.45", 20) and stats.grim("12.33", 3)   # 49/20, 37/3
    assert stats.grim("2.47", 20) is False and stats.grim("12.34", 3) is False
    assert stats.grim("2.5", 20) is None and stats.grim("1.5", 200) is None  # n too large
    assert values("means", "The mean number of relapses was 1.33 (n = 3) overall.") == \
        [("1.33", 3, "relapses")]
    assert values("means", "The mean number of visits per month was 1.37 (n = 20).") == []
    assert values("means", "The mean number of visits was 1.37 in all patients.") == []  # no n


def test_cochran_q_is_read_as_chi_square_with_its_df():
    assert values("statistics", "heterogeneity was low (Q = 3.1, df = 4, p = 0.54)") == \
        [("chi2", (4.0,), "3.1", "=", "0.54", False)]
    assert values("statistics", "Q = 5.2, p = 0.27 across studies") == []  # no df: not tested


def test_a_p_adjusted_for_multiple_comparisons_is_not_the_tests_own():
    assert values("statistics", "groups differed, t(28) = 2.10, p = .135 (Bonferroni corrected)") == []
    assert values("statistics", "after Holm adjustment, t(28) = 2.10, p = .09") == []
    assert len(values("statistics", "groups differed, t(28) = 2.10, p = .045, in the first test")) == 1


def test_adjusted_r2_or_covariates_leave_the_p_the_tests_own():
    # as in pairs2/PMC13064374: a model's "adjusted R2" follows its F test's p
    assert len(values("statistics", "(F(16, 453) = 15.35, p < .001, adjusted R2 = 0.33)")) == 1
    assert len(values("statistics", "t(28) = 2.10, p = .045, adjusted for age and sex")) == 1


def test_common_total_of_printed_shares():
    # doi:10.1186/s40249-020-00755-7, Table 1: 16 (47.2%) and 19 (52.8%) are shares of no
    # one total (47.2% is 17 of 36, not 16 of anything near); 34 (97.1%) and 1 (2.9%) of 35
    assert stats.common_total([(16, "47.2"), (19, "52.8")]) == 0
    assert stats.common_total([(34, "97.1"), (1, "2.9")]) == 35
    assert stats.common_total([(83, "81"), (12, "12"), (6, "6")]) == 102  # doi:10.15585/mmwr.mm6821a1


def test_whole_shares_within_rounding():
    from lintcase.facts.tables import whole_shares
    assert whole_shares(["46.7", "6.7", "0.0", "26.7", "13.3", "6.7"])  # 100.1, six roundings
    assert not whole_shares(["53.5", "48.8"])  # answers that may be several
    assert whole_shares(["81", "12", "6"])  # 99, within three half-units


# Sums written out with their result: (sentence, its article, the sum read)
SUMS = [
    ("performed for a total of 85 hours (20 hours + 35 hours + 29 hours) at a blood flow",
     "10.1155/2016/9852073", (("20", "35", "29"), "85", "hours")),
    ("in December, February, April and May (rainfall + irrigation: 215 mm + 180 mm = 395 mm).",
     "10.1371/journal.pone.0196873", (("215", "180"), "395", "mm")),
    ("A total of 89.16% (34.16%+ 55%) of the farmers used pesticides.",
     "10.5696/2156-9614-8.20.181203", (("34.16", "55"), "89.16", "%")),
]


@pytest.mark.parametrize("text, doi, value", SUMS)
def test_sums_are_read_with_their_result(text, doi, value):
    assert values("sums", text) == [value]


def test_sum_traps():
    # several units; a formula's terms; more arithmetic after the result; a "+" grade
    for text in ("It took 2 h + 30 min = 160 min.", "We solve x + 2 + 3 = 6 for x.",
                 "so that 2 + 3 = 5 × y holds", "HER2 was 2+ (score 3 + 0 of 10)"):
        assert values("sums", text) == [], text
    assert stats.explicit_sum(("20", "35", "29"), "85") == "20 + 35 + 29 = 84, not 85"
    assert stats.explicit_sum(("34.16", "55"), "89.16") == ""
    assert stats.explicit_sum(("12.3", "4.5"), "16.9") == ""  # 12.34 + 4.54 rounded
    assert stats.explicit_sum(("12.3", "4.5"), "17.0") != ""


def test_a_count_and_the_things_it_lists():
    assert _listed("She presented with five broken limbs (humerus, wrist, "
                  "ankle, and femur) after a fall.") == [
        (5, "broken limbs", ("humerus", "wrist", "ankle", "femur"), True)]
    assert _listed("Three food groups (sugars, fats and oils, and "
                  "seasonings) were excluded.") == []  # an "and" inside an item
    assert _listed("at five of the seven stages (AN, HD, TP, YA and WA)") == []
    assert _listed("four regions (East and West Africa, South Asia, and "
                  "Central America)") == []
    assert _listed("three groups (A, B and C)") == []  # panel letters
    assert _listed("three patients (aged 4, 7 and 9)") == []
    assert _listed("three solvents (methanol and water)") == []  # two items
    assert _listed("Three pesticides (o,p'-DDT, p,p'-DDE and dieldrin)") == []
    assert _listed("four other food groups (other grains, potatoes, eggs and fruit and "
                   "vegetable juice)") == []  # two "and"s, no serial comma: 3 or 4 items


def _listed(text: str) -> list:
    return [f.value for f in S.listed(rendering(text))]
