"""Figures lesson 08 quotes, checked against the data (see tests/test_prose_figures.py).

Lesson 08 quotes almost no Hengtai figures in its prose: its numbers are computed in the cells and in the
exercises, which follow a group's data variant. What its texts quote are the course's settings and the case's
timings, listed in NOT_HENGTAI.
"""

FIGURES: dict = {}

NOT_HENGTAI = {
    "the first week of 2026": "the story's date: the year after the data's last year (AS_OF 2025-12-31)",
    "12 minutes": "the case's timing for groups (LESSON.plan)",
    "15 minutes": "the case's timing for groups (LESSON.plan)",
    "80%": "lesson 01's assumed retention with no spend (strategy.DEFAULTS['base_retention'])",
    "four points each": "the rubric's marks",
    "120 minutes": "the case's length with every group presenting",
    "120 分钟": "the case's length with every group presenting",
    "5% discount": "an option of decision 08.next_step",
    "5% 的折扣": "an option of decision 08.next_step",
    "two working days": "the complaint desk's service promise (case.RETENTION_ACTIONS)",
    "两个工作日": "the complaint desk's service promise (case.RETENTION_ACTIONS)",
    "40% of the losses": "the course's estimate for the care plan (case.RETENTION_ACTIONS)",
    "30% of the losses": "the course's estimate (case.RETENTION_ACTIONS)",
    "40% 因": "the course's estimate for the care plan (case.RETENTION_ACTIONS)",
    "30% 因": "the course's estimate (case.RETENTION_ACTIONS)",
    "the assumed 80%": "lesson 01's assumed retention with no spend",
    "假设的 80%": "lesson 01's assumed retention with no spend",
    "80% 留存率": "lesson 01's assumed retention with no spend",
    "80% of customers": "lesson 01's assumed retention with no spend",
    "(A share between 0 and 1.)": "the answer's range",
    "（0 到 1 之间的比例。）": "the answer's range",
    "top 20%": "the share of customers the question asks about",
    "前 20%": "the share of customers the question asks about",
    "three minutes": "the presentation time",
    "(04)": "a lesson number", "(01, 06)": "lesson numbers", "(07)": "a lesson number", "(05)": "a lesson number",
    "(03)": "a lesson number", "(01)": "a lesson number", "(06)": "a lesson number",
    "stage 1": "the case's first stage", "stage 2": "the case's second stage", "stage 3": "the case's third stage",
    "1. *Diagnosis*": "the rubric's first criterion", "2. *Coherence*": "the rubric's second criterion",
    "3. *Effects": "the rubric's third criterion", "4. *The loop*": "the rubric's fourth criterion",
    "5. *Honesty*": "the rubric's fifth criterion",
    "12 分钟": "the case's timing for groups (LESSON.plan)", "15 分钟": "the case's timing for groups (LESSON.plan)",
    "每项 4 分": "the rubric's marks",
    **{f"{keep:.0%} {words}": "an option of decision 08.budget_split (lesson08.KEEP_CHOICES)"
       for keep in (0.25, 0.5, 0.75, 1.0) for words in ("on keeping", "用于保留")}, "1 - recent": "the formula of the hint", "1 - 最近": "the formula of the hint",
}
