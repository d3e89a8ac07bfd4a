"""Regenerate the shipped tables and their datasheet: ``python -m crmlessons.datasets.build``.

Writes ``<table>.csv`` for every table of ``make_case(0)`` and ``README.md`` (the datasheet) into
``--out``. Without ``--out`` it writes into ``datasets/`` of the repository, and only when run from the
repository's root folder. The output is byte-stable: UTF-8, LF line endings, fixed float formats.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crmlessons.datasets import rules
from crmlessons.datasets._io import to_csv_text
from crmlessons.datasets.company import COMPANY
from crmlessons.datasets.dictionary import DESCRIPTIONS, KANO_FEATURE_LABELS, TABLES, TIE_KINDS, dictionary
from crmlessons.datasets.effects import planted_effects
from crmlessons.datasets.generate import DEFAULT_SIZES, make_case
from crmlessons.datasets.params import PARAMS
from crmlessons.datasets.vocabularies import VOCABULARIES

SHIPPED_SEED = 0


def _md_table(df) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for row in df.itertuples(index=False):
        cells = [str(v).replace("|", "/").replace("\n", " ") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def datasheet(case) -> str:
    """Return the datasheet (``datasets/README.md``) of a case, in Markdown."""
    sizes = "\n".join(f"| `{t}` | {len(case.tables[t]):,} | {DESCRIPTIONS[t][0]} | {DESCRIPTIONS[t][1]} |"
                      for t in TABLES)
    eff = planted_effects()
    eff["value"] = eff["value"].map(lambda v: f"{v:g}")
    eff["tolerance"] = eff["tolerance"].map(lambda v: f"± {v:g}")
    effects = _md_table(eff[["name", "description_en", "description_zh", "value", "tolerance", "how_measured"]])
    dicts = []
    for t in TABLES:
        d = dictionary(t)
        d["column"] = "`" + d["column"] + "`"
        dicts.append(f"### `{t}`\n\n{DESCRIPTIONS[t][0]}\n\n"
                     + _md_table(d[["column", "dtype", "unit", "allowed", "nullable", "description",
                                    "label_zh"]]))
    missing = []
    for t in TABLES:
        df = case.tables[t]
        for col in df.columns:
            n = int(df[col].isna().sum())
            if n:
                missing.append(f"| `{t}.{col}` | {n:,} | {n / len(df):.1%} |")
    return TEMPLATE.format(
        name_en=COMPANY["name_en"], name_zh=COMPANY["name_zh"], seed=SHIPPED_SEED,
        sizes=sizes, effects=effects, dictionaries="\n\n".join(dicts), missing="\n".join(missing),
        n_leads=DEFAULT_SIZES["n_leads"], n_customers=DEFAULT_SIZES["n_customers"],
        n_salespeople=DEFAULT_SIZES["n_salespeople"], survey=PARAMS["survey_start"], **_calendar(),
        **_customer_value(), **_loyalty(),
    )


def _customer_value() -> dict:
    """The numbers of the customer value step that the datasheet names, from PARAMS."""
    out = {"value_corr": PARAMS["value_item_satisfaction_corr"], "cost_corr": PARAMS["cost_item_satisfaction_corr"],
           "pv_center": PARAMS["perceived_value_center"], "pv_noise": PARAMS["perceived_value_noise"],
           "item_missing": PARAMS["p_survey_item_missing"]}
    for kind in TIE_KINDS:
        out[f"tie_share_{kind}"] = PARAMS["tie_share"][kind]
        out[f"{kind}_lost"] = PARAMS["tie_lost_log_odds"][kind]
        out[f"{kind}_loyalty"] = PARAMS["tie_loyalty_slope"][kind]
    weights = [(item, w) for item, w in PARAMS["perceived_value_weights"].items() if w != 0]
    out["pv_weights"] = " ".join(f"{'-' if w < 0 else '+'} {abs(w):g} x (`{item}` - 3)" for item, w in weights)
    return out


def _formula(terms) -> str:
    """' + 0.4 x offer - 0.7 x loyalty' from ``[(0.4, "offer"), (-0.7, "loyalty")]``."""
    return " ".join(f"{'-' if w < 0 else '+'} {abs(w):g} x {what}" for w, what in terms)


def _loyalty() -> dict:
    """The numbers of the loyalty step that the datasheet names, from PARAMS."""
    p = PARAMS
    names = {code: labels[0].split(" (")[0].lower() for code, labels in VOCABULARIES["kano_category"].items()}
    kano = []
    for feature, shares in p["kano_category_p"].items():
        code = max(shares, key=shares.get)  # the category planted as the most frequent
        kano.append(f"{KANO_FEATURE_LABELS[feature]['en']} {shares[code]:.0%} {names[code]}")
    price = _formula([(p["price_sensitivity_loyalty"], "latent loyalty"), (p["price_sensitivity_offer"],
                      "competitor offer (1 or 0)"), (p["price_sensitivity_structural"], "structural ties (1 or 0)")])
    recommend = _formula([(p["recommend_loyalty"], "latent loyalty"), (p["recommend_satisfaction"],
                          "latent satisfaction")])
    handling = _formula([(p["complaint_handling_resolved"],
                          f"(share of their complaints resolved - {p['p_complaint_resolved']:g})"),
                         (p["complaint_handling_loyalty"], "latent loyalty"),
                         (p["complaint_handling_lost_after"], "lost after the survey (1 or 0)")])
    return {"offer_share": p["competitor_offer_share"], "offer_slope": p["competitor_offer_loyalty_slope"],
            "ps_center": p["price_sensitivity_center"], "ps_terms": price, "ps_noise": p["price_sensitivity_noise"],
            "rec_center": p["recommend_center"], "rec_terms": recommend, "rec_noise": p["recommend_noise"],
            "ch_center": p["complaint_handling_center"], "ch_terms": handling, "ch_noise": p["complaint_handling_noise"],
            "kano_shares": ", ".join(kano), "mc_rate": p["manager_change_rate"], "mc_lost": p["manager_change_lost_extra"]}


def _calendar() -> dict[str, str]:
    """The dates and periods the datasheet names, from the case's calendar (``rules``) and PARAMS."""
    first_customer, last_customer = PARAMS["pre_existing_acquired"]
    return {"as_of": COMPANY["as_of"], "decided_before": rules.DECIDED_BEFORE,
            "leads_years": f"{rules.LEADS_START[:4]}-{rules.AS_OF[:4]}",
            "pre_existing_years": f"{first_customer[:4]}-{last_customer[:4]}",
            "orders_first_year": rules.ORDERS_START[:4],
            "orders_years": f"{rules.YEARS[0]}-{rules.YEARS[-1]}"}


def build(out: str | Path) -> list[Path]:
    """Write the shipped CSV files and datasheet of ``make_case(0)`` into folder ``out``.

    Parameters
    ----------
    out : str or pathlib.Path
        Folder to write into (created if missing).

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in build(tmp)][-2:]
    ['ask_items.csv', 'README.md']
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    case = make_case(SHIPPED_SEED, **DEFAULT_SIZES)
    written = []
    for t in TABLES:
        path = out / f"{t}.csv"
        path.write_bytes(to_csv_text(case.tables[t], t).encode("utf-8"))
        written.append(path)
    readme = out / "README.md"
    readme.write_bytes(datasheet(case).encode("utf-8"))
    written.append(readme)
    return written


def _default_out() -> Path | None:
    cwd = Path.cwd()
    pyproject = cwd / "pyproject.toml"
    if pyproject.exists() and 'name = "crmlessons"' in pyproject.read_text(encoding="utf-8") \
            and (cwd / "datasets").is_dir():
        return cwd / "datasets"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crmlessons.datasets.build", description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="folder to write into (default: datasets/ when run from the repository root)")
    args = parser.parse_args(argv)
    out = Path(args.out) if args.out else _default_out()
    if out is None:
        parser.error("--out is required when not run from the crmlessons repository root")
    for path in build(out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


TEMPLATE = """# Datasheet: the case company's data

<!-- Generated by `python -m crmlessons.datasets.build`; edit crmlessons/datasets/build.py, not this file. -->

**{name_en} ({name_zh})** is a fictional business-to-business supplier of industrial parts and
maintenance services (bearings, hydraulics, pneumatics, power tools, safety equipment, maintenance
service) to Chinese manufacturers. Every lesson of the course studies its data. The tables share keys,
so a student can follow one prospect from a salesperson's first call (`leads`, `stage_history`) to a
customer (`customers`, `orders`, `survey`) who stays loyal or is lost (`losses`).

The data is **synthetic**: made by a seeded generator that plants the effects the lessons teach. It
describes no real firm or person. All dates are fixed: the data is as of **{as_of}**.

## Motivation and intended use

- Teaching CRM to business students: the ASK rule, MAN qualification, the sales funnel, loss causes,
  customer value (RFM, lifetime value, lifecycle), satisfaction and loyalty.
- Exercises where the answer can be checked: every planted effect is declared below with its tolerance.
- Per-group variants for trainers: `crmlessons.datasets.make_case(random_state=<group number>)`.

Not intended for: benchmarking models, drawing conclusions about real firms, or any claim that the
planted effect sizes hold in reality (they illustrate claims from the course's sources; students test
them on this data).

## Tables

Load them with `crmlessons.datasets.load_<table>()` or all at once with `load_case()`.

| table | rows | what it is | 说明 |
|---|---|---|---|
{sizes}

Keys and links: `leads.salesperson_id`, `customers.salesperson_id`, `losses.salesperson_id` ->
`salespeople`; `stage_history.lead_id`, `losses.lead_id`, `customers.lead_id` -> `leads`;
`orders.customer_id`, `survey.customer_id`, `losses.customer_id`, `customers.referred_by` ->
`customers`; the item columns `A1`...`K4` of `salespeople` -> `ask_items.item_id`.
`validate_case(case)` checks them all.

## How it was generated

`python -m crmlessons.datasets.build` regenerates these files byte for byte from
`make_case({seed}, n_leads={n_leads}, n_customers={n_customers}, n_salespeople={n_salespeople})`
(numpy's PCG64 generator; every number it uses is in `crmlessons.datasets.PARAMS`). In outline:

1. **Salespeople.** Latent Attitude, Skill, Knowledge (correlated 0.3) and a log ask-vs-tell ratio
   (correlated 0.4 with Skill), planted exactly in the team. Each answers 4 items per dimension on a 1-5
   agree scale (item 4 of each dimension is reverse-scored: stored as answered). Tenure is gamma distributed.
2. **Leads** ({leads_years}, monthly seasonality). Money, Authority and Need are present independently
   (60%, 45%, 55%); the facts a salesperson records follow from them (purchasing power and budget; the
   contact's role and decision power; need strength 1-5; a BANT timeline). The win probability depends on
   the MAN combination and on the salesperson's traits (logit effects per SD: Skill 1.0, Attitude 0.35,
   Knowledge 0.1, ask-vs-tell 0.45), calibrated to a 5% overall win rate; each salesperson's number of
   wins is kept near its expectation. Lost leads stop at a stage drawn so that 80% / 50% / 20% / 10% of all
   leads reach contacted / talking business / proposal / negotiation. Deal values are lognormal by company
   size; the cycle grows with value (elasticity 0.45, median 150 days at 150,000 CNY, 21-540 days) and is
   split over the stages. Leads whose next event falls after {as_of} are `open`.
3. **Customers.** {n_customers} customers won {pre_existing_years} (`pre_existing`) plus every won lead (`won_lead`).
   Each has latent loyalty and satisfaction (correlated 0.6). Low loyalty raises the chance of being lost
   (about 25% are lost after {orders_first_year}); 12% of those lost over a year before {as_of} are won back. Referred
   customers name an earlier customer, chosen with weight exp(1.2 x loyalty).
4. **Orders** ({orders_years}): a thinned Poisson process per customer: the rate grows with loyalty and size,
   follows monthly seasonality (low in February, high in December), ramps up over the first year
   (exploration -> formation), falls linearly to 20% over the year before a loss (early warning), and
   restarts at 70% after a win-back. Later orders more often come from other product lines (cross-selling),
   are more often premium (up-selling) and grow 6% a year. A won lead's first order is the deal itself.
5. **Survey** ({survey}, 3 weeks): 65% of the customers active then answer satisfaction (1-5) and the
   three faces of loyalty (1-5), with their complaints. Whether a respondent orders in the 90 days after
   the survey is planted by satisfaction (5: 75%, 4: 30%, 3: 26%, 2: 18%, 1: 12%).
6. **Losses.** Every lost lead and lost customer gets a category (company side 55%, third party 25%,
   customer side 20%), a reason within it, and a `reason_raw` as a salesperson would type it (English or
   Chinese, messy). 7% of raw reasons are uninformative ("other", "n/a", "不详" ...) and 1.5% blank: their
   `reason` and `category` are missing.
7. **Spend.** Per year, acquisition spend = customers acquired x 11,280 CNY and retention spend =
   customers retained x 2,400 CNY (ratio 4.7), each split over budget items with 5% noise.
8. **Customer value** (drawn after everything above, so that every other column is the same as before
   it was added). *Relationship ties*: whether Hengtai gives the customer financial benefits
   ({tie_share_financial:.0%} of customers), social benefits ({tie_share_social:.0%}) and structural ties
   ({tie_share_structural:.0%}), the E-CRM article's three ways of raising customer value. The ties are
   drawn **after** the losses and **conditionally on them**: for a customer who was lost, the log-odds
   of each tie change by {structural_lost:+g} (structural), {social_lost:+g} (social) and
   {financial_lost:+g} (financial); per SD of latent loyalty by {structural_loyalty:+g}, {social_loyalty:+g}
   and {financial_loyalty:+g}. The number of ties among each account manager's
   lost and kept customers is held near its expectation. So customers with structural ties show a much
   lower loss rate, social ties a slightly lower one, and financial benefits alone about none. This is a
   **planted association, not a causal mechanism**: in the generator a tie never prevents a loss (the
   losses were drawn first, from latent loyalty), so the data cannot tell what building a tie would do.
   *Perceived value* (respondents only): each answers how much the customer gets from Hengtai's products,
   service, people and image (the parts of total customer value, 1-5) and how heavy the money, time,
   energy and psychological costs feel (the parts of total customer cost, 1-5); the usual breakdown comes
   from the marketing literature, not from the course's sources. Each item goes a little with latent
   satisfaction (correlation {value_corr:g} for the parts of value, {cost_corr:g} for the costs, before
   rounding). Overall perceived value (0-10) = {pv_center:g} {pv_weights} + noise (SD {pv_noise:g}),
   rounded and kept within 0-10: only product, service and price carry weight (the E-CRM article: two or
   three factors decide customer value). Then {item_missing:.0%} of each of the nine answers are skipped, as
   for the other survey questions.
9. **Loyalty** (drawn after everything above, so that every other column is the same as before it was
   added). Every respondent says whether a competitor made it a strong offer in the year before the survey
   (about {offer_share:.0%}; the log-odds change by {offer_slope:+g} per SD of latent loyalty: the offers
   go with weak attachment to Hengtai). *Price sensitivity* (1-5: would a 5% price rise make us look
   elsewhere) = {ps_center:g} {ps_terms} + noise (SD {ps_noise:g}). *Willingness to recommend* (0-10) =
   {rec_center:g} {rec_terms} + noise (SD {rec_noise:g}). Respondents who complained rate how their last
   complaint was handled (1-5) = {ch_center:g} {ch_terms} + noise (SD {ch_noise:g}). All are rounded and
   kept within their scales. So loyal customers are less price sensitive and recommend Hengtai more (the
   Loyalty article), satisfied customers who are not loyal more often had a competitor offer, and customers
   who rated the handling of their complaint well mostly stayed. *Kano questions*: for four features the
   survey asks how the customer would feel if Hengtai offered it (functional) and if it did not
   (dysfunctional). Each respondent's category is drawn with planted shares (the most frequent:
   {kano_shares}), then a pair of answers that the Kano evaluation table
   (`crmlessons.datasets.vocabularies.KANO_TABLE`) gives that category. *Account manager changes*: a
   customer from before the leads period that was acquired before its account manager joined Hengtai was
   handed over once, plus a Poisson number of changes with mean {mc_rate:g} per year before the current
   manager joined, {mc_lost:+g} if the customer was lost; a won lead's customer still has the salesperson
   who won it (0 changes). So lost customers had more changes, and so had the customers of salespeople
   with a short tenure. These are **planted associations, not causal mechanisms**: the complaint-handling
   rating was drawn knowing whether the customer would be lost, and the manager changes knowing whether it
   was lost, so the data cannot tell what handling complaints better or keeping account managers longer
   would do. Then {item_missing:.0%} of each answer except the competitor offer (yes or no) are skipped.

## Planted effects

`crmlessons.datasets.planted_effects()` returns this table; `measure_effects(case)` measures each
effect on any case. Every variant of the default size recovers each value within its tolerance (the
test `tests/test_planted_effects.py` checks 20 variants; 100 were checked when the values were set).

{effects}

## Missing values

Where real CRM exports have gaps, so does this data (counts in the shipped variant):

| column | missing | share |
|---|---|---|
{missing}

Why: budgets not disclosed; industry not recorded; subjective facts unknown to the account manager;
survey questions skipped (and complaint handling asked only of the customers who complained); raw loss
reasons left blank (plus uninformative ones, see above); open leads have no closed date; customers never
lost have no lost date; win rate is missing for a salesperson with no decided lead.

## Limits

- Synthetic: effect sizes are chosen for teaching, not estimated from any market. Seed 000's "6 times as
  willing to buy again" is planted as 2.5x; "5 times the cost" as 4.7x.
- With 40 salespeople, salesperson-level effects are noisy: Skill's lead is recovered in every variant,
  but Attitude above Knowledge only on average.
- Only leads created before {decided_before} are all decided by {as_of}; measure win rates and conversion on
  that cohort.
- The relationship ties are drawn after (and from) the losses: customers with structural ties are lost
  less often in the data, but nothing in the generator makes a tie keep a customer. Read them as an
  association to explain, not as the effect of building a tie.
- The same holds for the loyalty items and the account manager changes (step 9): drawn after (and from)
  the latent loyalty and the losses, they show associations, not effects. Nothing in the generator links a
  salesperson's tenure to customer loss (the losses were drawn from latent loyalty alone): tenure goes only
  with more account manager changes. The Kano answers depend on nothing else in the data.
- No protected attributes (gender, age, ethnicity) exist in the data; no outcome depends on any.
  `source_channel`, `timeline`, `region`, `industry` and the subjective customer facts are recorded but
  plant no effect.

## Columns

`crmlessons.datasets.dictionary(table)` returns these tables as DataFrames (with English and Chinese
labels); `value_labels(column)` gives the English and Chinese label of every category code.

{dictionaries}
"""

if __name__ == "__main__":
    sys.exit(main())
