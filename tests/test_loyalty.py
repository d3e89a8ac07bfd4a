"""Lesson 07, loyalty: the three faces and their agreement, the satisfaction x loyalty matrix, what loyal customers
do, the Kano model, manager changes and tenure, and the Relationship-marketing essay's satisfaction claims."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlessons import datasets, loss, loyalty

FACES = ["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]
ANSWERS = ["like", "must_be", "neutral", "live_with", "dislike"]


def survey_of(rows, columns=("customer_id", "satisfaction", *FACES)) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


# --- the three faces ------------------------------------------------------------------------------

def test_loyalty_scores_average_the_faces_answered():
    survey = survey_of([("B", 4, 4, 5, 3), ("A", 2, 2, None, 3), ("C", 5, None, None, None)])
    scores = loyalty.loyalty_scores(survey)
    assert scores.index.tolist() == ["A", "B", "C"]
    assert scores.loc["A", "mean"] == 2.5 and scores.loc["B", "mean"] == 4.0 and np.isnan(scores.loc["C", "mean"])
    assert scores.loc["B", ["emotional", "behavioural", "intentional"]].tolist() == [4, 5, 3]


def test_loyalty_scores_refuse_two_answers_of_one_customer():
    with pytest.raises(ValueError, match=r"survey\['customer_id'\] must hold one answer per customer; 'A'"):
        loyalty.loyalty_scores(survey_of([("A", 4, 4, 4, 4), ("A", 3, 3, 3, 3)]))


def test_cronbachs_alpha_against_a_hand_computation():
    # a = 2 4 3 5 (variance 5/3), b = 1 3 3 4 (variance 4.75/3); totals 3 7 6 9 (variance 18.75/3)
    # alpha = 2 / 1 x (1 - (5 + 4.75) / 18.75) = 2 x 0.48 = 0.96
    responses = pd.DataFrame({"a": [2, 4, 3, 5], "b": [1, 3, 3, 4]})
    assert loyalty.cronbach_alpha(responses) == pytest.approx(0.96)
    # a row with a missing answer is left out: the same four rows and one more that is not complete
    with_gap = pd.concat([responses, pd.DataFrame({"a": [1.0], "b": [np.nan]})], ignore_index=True)
    assert loyalty.cronbach_alpha(with_gap) == pytest.approx(0.96)
    identical = pd.DataFrame({"a": [1, 2, 4], "b": [1, 2, 4], "c": [1, 2, 4]})
    assert loyalty.cronbach_alpha(identical) == pytest.approx(1.0)
    # two items that move against each other: negative alpha
    assert loyalty.cronbach_alpha(pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1.5]})) < 0


@pytest.mark.parametrize("responses, error, message", [
    (pd.DataFrame({"a": [1, 2, 3]}), ValueError, "at least two item columns"),
    (pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), TypeError, r"responses\['b'\] must hold numbers"),
    (pd.DataFrame({"a": [1, np.nan], "b": [1, 2]}), ValueError, "at least two rows with every item answered"),
    (pd.DataFrame({"a": [3, 3], "b": [2, 2]}), ValueError, "the same total"),
    ([[1, 2], [3, 4]], TypeError, "responses must be a pandas DataFrame"),
])
def test_cronbachs_alpha_refuses_what_it_cannot_measure(responses, error, message):
    with pytest.raises(error, match=message):
        loyalty.cronbach_alpha(responses)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)), min_size=3, max_size=40),
       st.integers(-3, 3), st.sampled_from([0, 1, 2]))
def test_alpha_is_at_most_one_and_ignores_a_shift_of_one_item(rows, shift, column):
    frame = pd.DataFrame(rows, columns=["a", "b", "c"]).astype(float)
    if frame.sum(axis=1).var() == 0:
        return
    alpha = loyalty.cronbach_alpha(frame)
    assert alpha <= 1 + 1e-9
    shifted = frame.copy()
    shifted.iloc[:, column] += shift
    assert loyalty.cronbach_alpha(shifted) == pytest.approx(alpha)
    assert loyalty.cronbach_alpha(frame[["c", "a", "b"]]) == pytest.approx(alpha)


def test_faces_agreement_gives_each_pairs_correlation_and_the_alpha_without_each_face():
    rng = np.random.default_rng(4)
    base = rng.integers(1, 6, 60)
    survey = pd.DataFrame({"loyalty_emotional": base, "loyalty_behavioural": np.clip(base + rng.integers(-1, 2, 60), 1, 5),
                           "loyalty_intentional": rng.integers(1, 6, 60)})
    survey.loc[3, "loyalty_intentional"] = np.nan  # left out of every figure
    table = loyalty.faces_agreement(survey)
    complete = survey.dropna().astype(float)
    assert table.attrs["n"] == 59
    expected = np.corrcoef(complete.to_numpy().T)
    assert table[["emotional", "behavioural", "intentional"]].to_numpy() == pytest.approx(expected)
    assert table.attrs["alpha"] == pytest.approx(loyalty.cronbach_alpha(complete))
    assert table.loc["intentional", "alpha_without"] == pytest.approx(
        loyalty.cronbach_alpha(complete[["loyalty_emotional", "loyalty_behavioural"]]))
    # the unrelated face is the one whose removal raises alpha
    assert table.loc["intentional", "alpha_without"] > table.attrs["alpha"] > table.loc["emotional", "alpha_without"]
    rest = complete["loyalty_intentional"].corr(complete[["loyalty_emotional", "loyalty_behavioural"]].mean(axis=1))
    assert table.loc["intentional", "rest_correlation"] == pytest.approx(rest)
    assert table.loc["intentional", "name_zh"] == "意识忠诚"


def test_on_the_case_the_three_faces_form_one_scale(case):
    table = loyalty.faces_agreement(case.survey)
    assert table.attrs["alpha"] > 0.7
    off_diagonal = table[["emotional", "behavioural", "intentional"]].to_numpy()[np.triu_indices(3, 1)]
    assert (off_diagonal > 0.4).all()


# --- the satisfaction x loyalty matrix ------------------------------------------------------------

MATRIX_SURVEY = survey_of([
    ("L1", 5, 4, 4, 4),        # loyalist
    ("L2", 4, 3, 4, 3.5),      # exactly at both thresholds (mean 3.5): loyalist
    ("M1", 4, 3, 3, 4),        # mean 3.33: mercenary
    ("H1", 3, 5, 5, 4),        # hostage
    ("D1", 1, 1, 2, 1),        # defector
    ("D2", 3, 3, 3, None),     # mean of the two answered, 3.0: defector
    ("X1", None, 5, 5, 5),     # no satisfaction: not placed
    ("X2", 4, None, None, None),  # no loyalty answer: not placed
])


def test_the_matrix_places_each_respondent_by_the_two_lines():
    groups = loyalty.loyalty_matrix(MATRIX_SURVEY)
    assert groups.astype(object).dropna().to_dict() == {"D1": "defector", "D2": "defector", "H1": "hostage",
                                                        "L1": "loyalist", "L2": "loyalist", "M1": "mercenary"}
    assert groups[["X1", "X2"]].isna().all() and groups.name == "group"
    assert list(groups.cat.categories) == ["loyalist", "mercenary", "hostage", "defector"]
    stricter = loyalty.loyalty_matrix(MATRIX_SURVEY, satisfaction_threshold=5, loyalty_threshold=3.4)
    assert stricter["L2"] == "hostage" and stricter["M1"] == "defector" and stricter["L1"] == "loyalist"


def test_matrix_counts_give_each_groups_share_of_the_placed_and_its_action():
    counts = loyalty.matrix_counts(loyalty.loyalty_matrix(MATRIX_SURVEY)).set_index("group")
    assert counts["customers"].tolist() == [2, 1, 1, 2]
    assert counts["share"].tolist() == pytest.approx([2 / 6, 1 / 6, 1 / 6, 2 / 6])
    assert counts.attrs["not_placed"] == 2
    assert counts.loc["mercenary", ["satisfied", "loyal"]].tolist() == [True, False]
    assert "structural ties" in counts.loc["mercenary", "action_en"] and counts.loc["hostage", "name_zh"] == "人质型客户"


@pytest.mark.parametrize("groups, error, message", [
    (pd.Series(["loyal"]), ValueError, r"groups must hold codes from \['loyalist'"),
    (pd.Series([None, None]), ValueError, "no customer placed"),
    (["loyalist"], TypeError, "groups must be a pandas Series"),
])
def test_matrix_counts_refuse_what_is_not_a_grouping(groups, error, message):
    with pytest.raises(error, match=message):
        loyalty.matrix_counts(groups)


def test_the_thresholds_are_checked_by_name():
    with pytest.raises(ValueError, match="satisfaction_threshold must be between 1 and 5; got 6"):
        loyalty.loyalty_matrix(MATRIX_SURVEY, satisfaction_threshold=6)
    with pytest.raises(TypeError, match="loyalty_threshold must be a number"):
        loyalty.loyalty_matrix(MATRIX_SURVEY, loyalty_threshold="3.5")


answers = st.one_of(st.none(), st.integers(1, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(answers, answers, answers, answers), min_size=1, max_size=30),
       st.floats(1, 5), st.floats(1, 5), st.floats(0, 1.5))
def test_stricter_lines_never_make_more_customers_satisfied_or_loyal(rows, satisfied_at, loyal_at, step):
    survey = survey_of([(f"C{i:03d}", *row) for i, row in enumerate(rows)])
    groups = loyalty.loyalty_matrix(survey, satisfied_at, loyal_at).astype(object)
    stricter = loyalty.loyalty_matrix(survey, min(5, satisfied_at + step), min(5, loyal_at + step)).astype(object)
    assert groups.isna().equals(stricter.isna())  # who is placed does not depend on the lines
    for kind, members in (("loyal", {"loyalist", "hostage"}), ("satisfied", {"loyalist", "mercenary"})):
        assert stricter.isin(members).sum() <= groups.isin(members).sum(), kind
        assert not (stricter.isin(members) & ~groups.isin(members)).any(), kind
    if groups.notna().any():
        assert loyalty.matrix_counts(groups)["customers"].sum() == groups.notna().sum()


def test_on_the_case_the_satisfied_but_not_loyal_share_is_the_planted_effects_measure(case):
    groups = loyalty.loyalty_matrix(case.survey)
    counts = loyalty.matrix_counts(groups).set_index("group")["customers"]
    measured = datasets.measure_effects(case).set_index("name").loc["satisfied_not_loyal_share", "measured"]
    assert counts["mercenary"] / (counts["mercenary"] + counts["loyalist"]) == pytest.approx(measured)
    assert min(counts) > 10


def test_on_the_case_mercenaries_have_fewer_ties_and_more_competitor_offers_than_loyalists(case):
    groups = loyalty.loyalty_matrix(case.survey).astype(object)
    facts = case.survey.set_index("customer_id")[["competitor_offer"]].join(
        case.customers.set_index("customer_id")[["structural_ties"]]).astype(float)
    by = facts.groupby(groups.reindex(facts.index)).mean()
    assert by.loc["mercenary", "competitor_offer"] > by.loc["loyalist", "competitor_offer"] + 0.1
    assert by.loc["mercenary", "structural_ties"] < by.loc["loyalist", "structural_ties"]


# --- what loyal customers do ----------------------------------------------------------------------

def behaviour_tables():
    survey = pd.DataFrame({
        "customer_id": ["A", "B", "C", "D"], "satisfaction": [5, 4, 4, 2],
        "loyalty_emotional": [5, 4, 2, 1], "loyalty_behavioural": [5, 4, 2, 2], "loyalty_intentional": [5, 4, 2, 3],
        "complaints_12m": [1, 0, 2, 1], "price_sensitivity": [2, 2, 4, 5], "recommend": [10, 8, 5, 2]})
    customers = pd.DataFrame({
        "customer_id": ["A", "B", "C", "D", "E", "F"],
        "acquired_date": pd.to_datetime(["2019-01-01", "2024-01-01", "2019-01-01", "2019-01-01", "2024-06-01",
                                         "2024-06-01"]),
        "lost_date": pd.to_datetime([None, None, "2025-06-30", None, None, None]),
        "won_back_date": pd.to_datetime([None] * 6), "referred_by": [None, None, None, None, "A", "A"]})
    orders = pd.DataFrame({"customer_id": ["A"] * 14 + ["B"] * 4 + ["C", "C", "D"],
                           "order_date": pd.to_datetime(["2020-03-01"] * 14 + ["2025-03-01"] * 4
                                                        + ["2020-05-01", "2021-05-01", "2022-01-01"]),
                           "margin_cny": [100.0] * 14 + [50.0] * 4 + [10.0, 10.0, 30.0]})
    orders["amount_cny"] = orders["margin_cny"] * 4
    return survey, orders, customers


def test_loyal_behaviour_compares_the_loyal_with_the_others_on_the_record():
    survey, orders, customers = behaviour_tables()
    table = loyalty.loyal_behaviour(survey, orders, customers, as_of="2025-12-31")
    years = {"A": 2556 / 365.25, "B": 730 / 365.25, "C": (pd.Timestamp("2025-06-30") - pd.Timestamp("2019-01-01")).days
             / 365.25, "D": 2556 / 365.25}
    loyal, other = table.loc[True], table.loc[False]
    assert loyal["customers"] == 2 and other["customers"] == 2
    assert loyal["orders_per_year"] == pytest.approx(18 / (years["A"] + years["B"]))
    assert other["margin_per_year"] == pytest.approx(50 / (years["C"] + years["D"]))
    assert loyal["price_sensitivity"] == 2 and other["recommend"] == 3.5
    assert loyal["stayed_share"] == 1.0 and other["stayed_share"] == 0.5  # C was lost in June 2025
    assert loyal["complainers"] == 1 and loyal["forgiveness"] == 1.0  # A complained and stayed
    assert other["complainers"] == 2 and other["forgiveness"] == 0.5
    assert loyal["referrals"] == 1.0 and loyal["referrer_share"] == 0.5 and other["referrals"] == 0


def test_loyal_behaviour_by_matrix_group():
    survey, orders, customers = behaviour_tables()
    table = loyalty.loyal_behaviour(survey, orders, customers, by="group")
    assert table.index.tolist() == ["loyalist", "mercenary", "hostage", "defector"]
    assert table["customers"].tolist() == [2, 1, 0, 1]
    assert table.loc["mercenary", "price_sensitivity"] == 4 and np.isnan(table.loc["hostage", "orders_per_year"])
    with pytest.raises(ValueError, match=r"by must be one of \['loyal', 'group'\]"):
        loyalty.loyal_behaviour(survey, orders, customers, by="segment")


def test_loyal_behaviour_refuses_respondents_the_customers_table_does_not_know():
    survey, orders, customers = behaviour_tables()
    with pytest.raises(ValueError, match=r"survey has customer_id\(s\) not among the customers: \['A'\]"):
        loyalty.loyal_behaviour(survey, orders[orders["customer_id"] != "A"], customers[customers["customer_id"] != "A"])


def test_on_the_case_loyal_customers_buy_more_care_less_about_price_and_recommend_more(case):
    table = loyalty.loyal_behaviour(case.survey, case.orders, case.customers)
    loyal, other = table.loc[True], table.loc[False]
    assert loyal["orders_per_year"] > 1.2 * other["orders_per_year"]
    assert loyal["margin_per_year"] > other["margin_per_year"]
    assert loyal["price_sensitivity"] < other["price_sensitivity"] - 0.5
    assert loyal["recommend"] > other["recommend"] + 1
    assert loyal["referrer_share"] > other["referrer_share"] and loyal["stayed_share"] > other["stayed_share"]
    assert loyal["customers"] + other["customers"] == int(loyalty.loyalty_scores(case.survey)["mean"].notna().sum())


def test_complaint_handling_vs_staying_counts_only_those_who_complained():
    survey = pd.DataFrame({"customer_id": list("ABCDE"), "complaints_12m": [1, 2, 1, 0, 3],
                           "complaint_handling": [4.0, 1.0, 4.0, 5.0, np.nan]})
    customers = pd.DataFrame({"customer_id": list("ABCDE"), "acquired_date": pd.to_datetime(["2020-01-01"] * 5),
                              "lost_date": pd.to_datetime([None, "2025-03-01", "2025-02-01", None, None]),
                              "won_back_date": pd.to_datetime([None, None, "2025-08-01", None, None])})
    table = loyalty.complaint_handling_vs_staying(survey, customers)
    assert table.index.tolist() == [1.0, 4.0]  # D did not complain; E did not rate the handling
    assert table["customers"].tolist() == [1, 2] and table["stayed"].tolist() == [0, 2]  # C was won back
    assert table["stay_rate"].tolist() == [0.0, 1.0]


def test_on_the_case_complaints_handled_well_go_with_staying(case):
    table = loyalty.complaint_handling_vs_staying(case.survey, case.customers)
    low = table.loc[table.index <= 2]
    high = table.loc[table.index >= 4]
    assert high["stayed"].sum() / high["customers"].sum() > low["stayed"].sum() / low["customers"].sum() + 0.03


def test_loyal_warnings_are_lesson_05s_warnings_for_the_loyal(case):
    flagged = loyalty.loyal_warnings(case.survey, case.orders, case.customers)
    warnings = loss.early_warning(case.orders, case.customers)
    scores = loyalty.loyalty_scores(case.survey)["mean"]
    loyal = set(scores[scores >= 3.5].index)
    assert set(flagged["customer_id"]) == set(warnings["customer_id"]) & loyal
    assert flagged["loyalty"].tolist() == scores.reindex(flagged["customer_id"]).tolist()
    assert flagged["value_at_risk_cny"].is_monotonic_decreasing and len(flagged) > 0


# --- the Kano model -------------------------------------------------------------------------------

#: The Kano evaluation table as the literature prints it (Berger et al. 1993): functional answer down
#: (like, must-be, neutral, live with, dislike), dysfunctional answer across, in the same order.
LITERATURE_TABLE = """
Q A A A O
R I I I M
R I I I M
R I I I M
R R R R Q
"""


def test_the_kano_table_is_the_literatures_cell_by_cell():
    rows = [line.split() for line in LITERATURE_TABLE.strip().splitlines()]
    for f, row in zip(ANSWERS, rows):
        for d, expected in zip(ANSWERS, row):
            assert loyalty.kano_classify(f, d) == expected, (f, d)
    assert loyalty.kano_evaluation_table().to_numpy().tolist() == rows


@pytest.mark.parametrize("functional, dysfunctional, category, need", [
    ("like", "dislike", "O", "expected"),      # the more the better
    ("must_be", "dislike", "M", "basic"),      # taken for granted
    ("like", "live_with", "A", "exciting"),    # a delight, not missed
    ("neutral", "neutral", "I", None),
    ("dislike", "like", "R", None),
    ("like", "like", "Q", None),               # likes having it and not having it
])
def test_known_pairs_and_the_seeds_need_classes(functional, dysfunctional, category, need):
    code = loyalty.kano_classify(functional, dysfunctional)
    assert code == category and loyalty.KANO_CATEGORIES[code]["need"] == need
    if need:
        assert loyalty.NEED_CLASSES[need]["kano"] == category


def test_kano_classify_takes_series_and_keeps_their_index():
    f = pd.Series(["like", "must_be", None], index=["x", "y", "z"])
    d = pd.Series(["dislike", "dislike", "like"], index=["x", "y", "z"])
    out = loyalty.kano_classify(f, d)
    assert out.index.tolist() == ["x", "y", "z"] and out.iloc[:2].tolist() == ["O", "M"] and pd.isna(out["z"])


@pytest.mark.parametrize("functional, dysfunctional, error, message", [
    ("love", "dislike", ValueError, "functional must be one of"),
    ("like", "hate", ValueError, "dysfunctional must be one of"),
    (pd.Series(["like", "wow"]), pd.Series(["like", "like"]), ValueError, r"functional must hold Kano answers.*'wow'"),
    (pd.Series(["like"]), pd.Series(["like", "like"]), ValueError, "one answer per respondent each"),
    (3, "like", TypeError, "functional must be a Kano answer"),
])
def test_kano_classify_refuses_what_is_not_an_answer(functional, dysfunctional, error, message):
    with pytest.raises(error, match=message):
        loyalty.kano_classify(functional, dysfunctional)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ANSWERS), st.sampled_from(ANSWERS)), min_size=1, max_size=40))
def test_series_classify_as_pairs_do_and_the_coefficients_stay_in_range(pairs):
    f, d = pd.Series([p[0] for p in pairs]), pd.Series([p[1] for p in pairs])
    assert loyalty.kano_classify(f, d).tolist() == [loyalty.kano_classify(a, b) for a, b in pairs]
    columns = {}
    for feature in loyalty.KANO_FEATURES:
        functional, dysfunctional = loyalty.kano_columns(feature)
        columns[functional], columns[dysfunctional] = f, d
    row = loyalty.kano_features(pd.DataFrame(columns)).iloc[0]
    assert row[list(loyalty.KANO_CATEGORIES)].sum() == row["answers"] == len(pairs)
    if not np.isnan(row["better"]):
        assert 0 <= row["better"] <= 1 and -1 <= row["worse"] <= 0


def kano_survey(pairs_by_feature, n: int = 4) -> pd.DataFrame:
    columns = {}
    for feature in loyalty.KANO_FEATURES:
        pairs = pairs_by_feature.get(feature, [("neutral", "neutral")] * n)
        functional, dysfunctional = loyalty.kano_columns(feature)
        columns[functional] = [p[0] for p in pairs]
        columns[dysfunctional] = [p[1] for p in pairs]
    return pd.DataFrame(columns)


def test_kano_features_count_the_categories_and_compute_better_and_worse_by_hand():
    pairs = [("like", "dislike")] * 3 + [("must_be", "dislike")] * 3 + [("like", "neutral"), ("neutral", "neutral"),
                                                                         ("like", "like"), (None, "dislike")]
    table = loyalty.kano_features(kano_survey({"tech_support": pairs}, n=len(pairs)))
    row = table.loc["tech_support"]
    assert row[["M", "O", "A", "I", "R", "Q"]].tolist() == [3, 3, 1, 1, 0, 1] and row["answers"] == 9
    assert row["dominant"] == "M" and row["need"] == "basic"  # a tie of M and O goes to M
    assert row["dominant_share"] == pytest.approx(3 / 9)
    assert row["better"] == pytest.approx((1 + 3) / (1 + 3 + 3 + 1))
    assert row["worse"] == pytest.approx(-(3 + 3) / 8)
    assert table.loc["branded_gifts", "dominant"] == "I" and table.loc["branded_gifts", "need"] is None


def test_kano_features_refuse_an_answer_outside_the_scale():
    survey = kano_survey({})
    survey.loc[0, "kano_branded_gifts_functional"] = "love it"
    with pytest.raises(ValueError, match=r"survey\['kano_branded_gifts_functional'\] must hold values from"):
        loyalty.kano_features(survey)


def test_each_feature_has_its_two_questions_in_both_languages():
    for feature in loyalty.KANO_FEATURES:
        texts = loyalty.feature_text(feature)
        assert texts["functional_en"].startswith("If ") and texts["dysfunctional_en"].endswith("how do you feel?")
        assert texts["functional_zh"].startswith("如果") and texts["zh"]
    with pytest.raises(ValueError, match="feature must be one of"):
        loyalty.feature_text("free_coffee")


def test_on_the_case_each_features_dominant_category_is_the_planted_one(case):
    table = loyalty.kano_features(case.survey)
    planted = datasets.PARAMS["kano_category_p"]
    for feature in loyalty.KANO_FEATURES:
        assert table.loc[feature, "dominant"] == max(planted[feature], key=planted[feature].get), feature
    assert table.loc["on_time_delivery", "need"] == "basic" and table.loc["application_engineering", "need"] == "exciting"
    assert (table["answers"] > 0.8 * len(case.survey)).all()


# --- loyal employees, loyal customers -------------------------------------------------------------

def test_manager_changes_vs_loss_bands_the_changes():
    customers = pd.DataFrame({"customer_id": list("ABCDEF"), "manager_changes": [0, 1, 1, 3, 5, 2],
                              "lost_date": pd.to_datetime([None, "2024-01-01", None, "2023-01-01", None, None])})
    table = loyalty.manager_changes_vs_loss(customers)
    assert table["changes"].tolist() == ["0", "1", "2", "3+"]
    assert table["customers"].tolist() == [1, 2, 1, 2] and table["lost"].tolist() == [0, 1, 0, 1]
    assert table["lost_share"].tolist() == [0.0, 0.5, 0.0, 0.5]
    with pytest.raises(ValueError, match="at_least must be between 1 and 100"):
        loyalty.manager_changes_vs_loss(customers, at_least=0)


def test_tenure_vs_retention_counts_each_customer_with_its_account_manager():
    people = pd.DataFrame({"salesperson_id": ["S1", "S2", "S3", "S4"], "tenure_years": [1.0, 3.0, 4.0, 10.0]})
    customers = pd.DataFrame({"customer_id": list("ABCDEF"), "salesperson_id": ["S1", "S1", "S2", "S3", "S4", None],
                              "lost_date": pd.to_datetime(["2024-01-01", None, None, "2023-01-01", None, None]),
                              "manager_changes": [3, 1, 2, 0, 0, 9]})
    table = loyalty.tenure_vs_retention(customers, people)
    assert table["tenure_from"].tolist() == [0, 2, 4, 8] and table["salespeople"].tolist() == [1, 1, 1, 1]
    assert table["customers"].tolist() == [2, 1, 1, 1]  # F has no account manager; 4 years is in 4-8
    assert table["kept_share"].tolist() == [0.5, 1.0, 0.0, 1.0]
    assert table["manager_changes"].tolist() == [2.0, 2.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="bands must be increasing edges"):
        loyalty.tenure_vs_retention(customers, people, bands=(4, 2))
    with pytest.raises(ValueError, match=r"salespeople not in salespeople: \['S4'\]"):
        loyalty.tenure_vs_retention(customers, people.iloc[:3])


def test_on_the_case_customers_whose_manager_changed_often_were_lost_more_often(case):
    table = loyalty.manager_changes_vs_loss(case.customers).set_index("changes")
    assert table.loc["3+", "lost_share"] > table.loc["0", "lost_share"] + 0.1
    tenure = loyalty.tenure_vs_retention(case.customers, case.salespeople)
    assert tenure["manager_changes"].iloc[0] > tenure["manager_changes"].iloc[-1]  # newer managers: more changes
    assert tenure["customers"].sum() == case.customers["salesperson_id"].notna().sum()
    assert "not a cause" in loyalty.CAUTION["en"] and "不是因果" in loyalty.CAUTION["zh"]


# --- the Relationship-marketing essay's claims ----------------------------------------------------

def test_by_satisfaction_counts_a_repurchase_inside_the_window_only():
    survey = pd.DataFrame({"customer_id": list("ABCD"), "survey_date": pd.to_datetime(["2025-01-10"] * 4),
                           "satisfaction": [5.0, 5.0, 4.0, np.nan]})
    orders = pd.DataFrame({"customer_id": ["A", "B", "B", "C", "D"],
                           "order_date": pd.to_datetime(["2025-04-10", "2025-01-10", "2025-04-11", "2025-01-11",
                                                         "2025-02-01"]),
                           "margin_cny": [10.0, 99.0, 20.0, 5.0, 7.0]})
    table = loyalty.by_satisfaction(survey, orders)
    # A: day 90 counts; B: the survey day itself and day 91 do not; C: day 1; D gave no satisfaction answer
    assert table.index.tolist() == [4.0, 5.0]
    assert table["bought_again"].tolist() == [1, 1] and table["repurchase_share"].tolist() == [1.0, 0.5]
    assert table["margin_after"].tolist() == [5.0, (10 + 20) / 2]
    assert loyalty.by_satisfaction(survey, orders, window_days=91).loc[5.0, "bought_again"] == 2


def test_satisfaction_claims_measure_the_ratio_and_the_margin_rise():
    survey = pd.DataFrame({"customer_id": list("ABCDE"), "survey_date": pd.to_datetime(["2025-01-10"] * 5),
                           "satisfaction": [5.0, 4.0, 4.0, 2.0, 3.0]})
    orders = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "margin_cny": [80.0, 40.0, 40.0, 10.0],
                           "order_date": pd.to_datetime(["2025-02-01", "2025-02-01", "2025-09-01", "2025-09-01"])})
    claims = loyalty.satisfaction_claims(survey, orders)
    assert claims.loc["six_times", "claimed"] == 6 and claims.loc["six_times", "measured"] == pytest.approx(1 / 0.5)
    # satisfied mean margin (80 + 40 + 40) / 3, not satisfied (10 + 0) / 2, all 170 / 5
    assert claims.loc["five_points", "measured"] == pytest.approx(0.05 * (160 / 3 - 5) / 34)
    assert "六倍" in claims.loc["six_times", "claim_zh"]


def test_on_the_case_very_satisfied_customers_repurchase_more_but_not_six_times_as_often(case):
    claims = loyalty.satisfaction_claims(case.survey, case.orders)
    measured = datasets.measure_effects(case).set_index("name").loc["repurchase_ratio_5_vs_4", "measured"]
    assert claims.loc["six_times", "measured"] == pytest.approx(measured)
    assert 1.5 < claims.loc["six_times", "measured"] < 4
    assert 0 < claims.loc["five_points", "measured"] < 0.2  # far from doubling
