"""Lesson 02: the ASK rule. Attitude, Skill and Knowledge of a salesperson; asking instead of telling.

Besides the catalogue entries (``LESSON``, ``EXERCISES``, ``QUIZ``, ``GLOSSARY``) this module holds the
lesson's role-play for class: one student sells by telling, another by asking, to the same plant
manager (:data:`ROLE_PLAY`, shown with :func:`role_play`).

Examples
--------
>>> print(role_play())  # doctest: +ELLIPSIS
Role-play: selling by telling, selling by asking
...
Ask-vs-tell ratio of the salesperson: 0.0 (0 questions, 3 statements)
...
Ask-vs-tell ratio of the salesperson: 2.5 (5 questions, 2 statements)
...
"""

from __future__ import annotations

import html

from crmlessons import ask, i18n
from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question

i18n.register({
    "rp_title": ("Role-play: selling by telling, selling by asking", "角色扮演：靠“说”推销，还是靠“问”营销"),
    "rp_situation": ("Situation", "情境"),
    "rp_roles": ("Roles", "角色"),
    "rp_version_tell": ("Version 1: the salesperson tells", "版本一：销售人员一直在“说”"),
    "rp_version_ask": ("Version 2: the salesperson asks", "版本二：销售人员先“问”"),
    "rp_ratio": ("Ask-vs-tell ratio of the salesperson: {ratio:.1f} ({asks} questions, {tells} statements)",
                 "销售人员的提问与陈述之比：{ratio:.1f}（提问 {asks} 次，陈述 {tells} 次）"),
    "rp_debrief": ("Debrief questions (10 minutes)", "复盘讨论题（10 分钟）"),
    "rp_how": ("How to run it: two pairs of students read the two versions aloud (5 minutes); the class marks each "
               "salesperson line as a question or a statement; then discuss the questions below.",
               "组织方法：两组同学分别朗读两个版本（5 分钟）；全班把销售人员的每句话标为“提问”或“陈述”；然后讨论下面的问题。"),
    "rp_sales": ("Salesperson", "销售人员"),
    "rp_manager": ("Plant manager", "厂长"),
})

LESSON = Lesson(
    id="02",
    notebook="02_ask_rule.ipynb",
    title={"en": "The ASK rule: Attitude, Skill, Knowledge", "zh": "ASK 法则：态度、技能、知识"},
    objectives=[
        {"en": "Explain the three parts of the ASK rule and why its initials spell 'ask'.",
         "zh": "解释 ASK 法则的三个部分，以及为什么它的首字母拼成 “ask（提问）”。"},
        {"en": "Score an ASK self-assessment, including reverse-scored items, and read your profile.",
         "zh": "为 ASK 自我评估计分（包括反向计分题），并读懂自己的画像。"},
        {"en": "Find in a sales team's data which dimension, and whether asking more than telling, goes with winning.",
         "zh": "在销售团队数据中找出哪个维度、以及“多问少说”是否与赢单相关。"},
        {"en": "Say why a correlation in a team of 40 is a lead to follow, not proof.",
         "zh": "说明为什么 40 人团队中的相关关系只是线索，而不是证据。"},
        {"en": "Draw up a coaching priority list: who to coach on what first.",
         "zh": "制定辅导优先清单：先辅导谁、辅导什么。"},
    ],
    teaching_minutes=30,
    exercise_minutes=30,
    key_points=[
        {"en": "ASK: Attitude (the mindset facing customers and setbacks), Skill (selling skill, learned at least as "
               "fast as the market changes), Knowledge (industry, customer, social, historical and cultural) (seed 004).",
         "zh": "ASK：态度（面对客户和挫折的心态）、技能（销售技能，学习速度至少赶上市场变化）、"
               "知识（行业、客户、社会、历史人文知识）（资料 004）。"},
        {"en": "The initials spell 'ask': asking and listening uncover the customer's real need; telling the same "
               "pitch to everyone does not. Communication is the skill CRM stresses most (seed 004, quiz).",
         "zh": "首字母拼成 “ask（提问）”：提问和倾听才能发现客户的真正需求，对所有人讲同一套说辞做不到。"
               "沟通技巧是客户关系管理最强调的技巧（资料 004 测验）。"},
        {"en": "Reverse-scored items (A4, S4, K4) count as 6 - answer; each dimension is scored 0-100.",
         "zh": "反向计分题（A4、S4、K4）按 6 - 答案计分；每个维度换算为 0-100 分。"},
        {"en": "In Hengtai's team, Skill and the ask-vs-tell ratio go with win rate most, Attitude somewhat, "
               "Knowledge least: correlations in 40 people, a reason to test, not proof.",
         "zh": "在恒泰的团队中，技能和提问与陈述之比与赢单率关系最密切，态度次之，知识最弱："
               "这只是 40 人中的相关，值得检验，但不是证据。"},
        {"en": "Coach first where the gap is large and the dimension matters for results.",
         "zh": "优先辅导差距大、且对业绩影响大的维度。"},
    ],
    next={"en": "Lesson 03: MAN qualification — which prospects deserve your time.",
          "zh": "第 03 课：MAN 客户甄别——哪些潜在客户值得你投入时间。"},
)


# ---------------------------------------------------------------------------------------------
# Exercises

def _load_team():
    from crmlessons.datasets import load_salespeople

    return {"salespeople": load_salespeople()}


def _skill(answers, reverse=True, stretch=True, divide_by_five=False):
    values = [answers["S1"], answers["S2"], answers["S3"], (6 - answers["S4"]) if reverse else answers["S4"]]
    mean = sum(values) / len(values)
    if divide_by_five:
        return mean / 5 * 100
    return (mean - 1) / 4 * 100 if stretch else mean


def _unreversed_skill_corr(salespeople):
    table = salespeople.copy()
    table["S4"] = 6 - table["S4"]  # turning S4 round again undoes the scoring's reversal
    return float(ask.relations(table).loc["S", "win_rate"])


def _asker_gap(salespeople):
    rates = ask.ask_vs_tell(salespeople)["win_rate"]
    return float(rates.loc[True] - rates.loc[False])


EXERCISES = [
    Exercise(
        name="02.my_skill_score",
        question={
            "en": "A salesperson answered the four Skill items S1 = 4, S2 = 3, S3 = 4 and S4 = 4 (S4, 'I tell every "
                  "customer the same product pitch', is reverse-scored). What is their Skill score on the 0-100 scale?",
            "zh": "一位销售人员对四道技能题的回答是 S1 = 4、S2 = 3、S3 = 4、S4 = 4（S4“我对每位客户讲的都是同一套产品说辞”"
                  "是反向计分题）。他的技能得分（0-100 分）是多少？",
        },
        data=lambda: {"answers": {"S1": 4, "S2": 3, "S3": 4, "S4": 4}},
        answer=lambda answers: _skill(answers),
        hint={"en": "Turn S4 round first (6 - answer), take the mean of the four item scores, then stretch 1-5 to "
                    "0-100: (mean - 1) / 4 * 100.",
              "zh": "先把 S4 反过来（6 - 答案），求四题得分的平均值，再把 1-5 分换算成 0-100 分：(平均值 - 1) / 4 * 100。"},
        mistakes=[
            Mistake(lambda answers: _skill(answers, reverse=False),
                    {"en": "You used S4 as answered. Agreeing with S4 means LESS skill: count it as 6 - 4 = 2.",
                     "zh": "你直接用了 S4 的原始答案。同意 S4 说明技能更弱：应按 6 - 4 = 2 计分。"}),
            Mistake(lambda answers: _skill(answers, stretch=False),
                    {"en": "That is the mean on the 1-5 scale; the score is on 0-100: (mean - 1) / 4 * 100.",
                     "zh": "这是 1-5 分制的平均值；得分要换算到 0-100：(平均值 - 1) / 4 * 100。"}),
            Mistake(lambda answers: _skill(answers, divide_by_five=True),
                    {"en": "Dividing by 5 makes the lowest answer (1) worth 20, not 0: use (mean - 1) / 4 * 100.",
                     "zh": "除以 5 会让最低答案 1 分变成 20 分而不是 0 分：请用 (平均值 - 1) / 4 * 100。"}),
        ],
        solution={"en": "Item scores: 4, 3, 4 and 6 - 4 = 2. Mean = 13 / 4 = 3.25. Score = (3.25 - 1) / 4 * 100 = 56.25.\n"
                        "With the course's function: `ask.score(...)` on all twelve answers does the same per dimension.",
                  "zh": "各题得分：4、3、4 和 6 - 4 = 2。平均值 = 13 / 4 = 3.25。得分 = (3.25 - 1) / 4 * 100 = 56.25。\n"
                        "用课程函数：对全部 12 道题的答案调用 `ask.score(...)`，会按维度做同样的计算。"},
    ),
    Exercise(
        name="02.skill_win_corr",
        question={
            "en": "In Hengtai's sales team, what is the correlation between the Skill score and the win rate? "
                  "(Use `ask.relations(team)`; give a number between -1 and 1.)",
            "zh": "在恒泰的销售团队中，技能得分与赢单率的相关系数是多少？（使用 `ask.relations(team)`；给出 -1 到 1 之间的数。）",
        },
        data=_load_team,
        answer=lambda salespeople: float(ask.relations(salespeople).loc["S", "win_rate"]),
        hint={"en": "Read the row S and the column win_rate of the table ask.relations(team) returns.",
              "zh": "在 ask.relations(team) 返回的表中，读 S 行、win_rate 列。"},
        mistakes=[
            Mistake(lambda salespeople: float(ask.relations(salespeople).loc["S", "revenue_cny"]),
                    {"en": "That is Skill against revenue; the question asks about win rate.",
                     "zh": "那是技能与赢单金额的相关；题目问的是赢单率。"}),
            Mistake(lambda salespeople: float(ask.relations(salespeople, method="spearman").loc["S", "win_rate"]),
                    {"en": "That is the rank (Spearman) correlation; use the default (Pearson) one.",
                     "zh": "那是秩（Spearman）相关；请使用默认的（Pearson）相关。"}),
            Mistake(_unreversed_skill_corr,
                    {"en": "It looks as if S4 was not reverse-scored: score it as 6 - answer (ask.score does).",
                     "zh": "看起来 S4 没有反向计分：应按 6 - 答案计分（ask.score 会自动处理）。"}),
        ],
        solution={"en": "`ask.relations(team).loc['S', 'win_rate']` gives about 0.60: the strongest of the three "
                        "dimensions (Attitude about 0.40, Knowledge about 0.10). Still only 40 people: a lead, not proof.",
                  "zh": "`ask.relations(team).loc['S', 'win_rate']` 约为 0.60，是三个维度中最强的（态度约 0.40，知识约 0.10）。"
                        "但只有 40 人：这是线索，不是证据。"},
    ),
    Exercise(
        name="02.asker_gap",
        question={
            "en": "Split the team into people who ask more than they tell (ask_tell_ratio above 1) and the others. "
                  "How much higher is the askers' mean win rate? Give the difference as a share (e.g. 0.05 for 5 points).",
            "zh": "把团队分成“提问多于陈述”（ask_tell_ratio 大于 1）的人和其他人。提问多的人平均赢单率高多少？"
                  "请以比例表示差值（例如 5 个百分点写作 0.05）。",
        },
        data=_load_team,
        answer=_asker_gap,
        hint={"en": "ask.ask_vs_tell(team) gives the mean win rate of both groups: askers (True) minus the others (False).",
              "zh": "ask.ask_vs_tell(team) 给出两组的平均赢单率：用提问多的一组（True）减去其他人（False）。"},
        mistakes=[
            Mistake(lambda salespeople: -_asker_gap(salespeople),
                    {"en": "The sign is reversed: subtract the others' win rate from the askers'.",
                     "zh": "符号反了：应当用提问多的一组减去其他人。"}),
            Mistake(lambda salespeople: float(ask.ask_vs_tell(salespeople)["win_rate"].loc[True]
                                              - salespeople["win_rate"].mean()),
                    {"en": "You compared with the whole team, askers included; compare with the others only.",
                     "zh": "你和全队（包括提问多的人）比较了；应只和其他人比较。"}),
        ],
        solution={"en": "`gap = ask.ask_vs_tell(team)['win_rate']` then `gap[True] - gap[False]`: about 0.104 - 0.025 "
                        "= 0.079, i.e. about 8 points. The 10 askers win about four times as often, but they also have "
                        "higher Skill: asking and skill move together, so this alone does not prove asking causes winning.",
                  "zh": "`gap = ask.ask_vs_tell(team)['win_rate']`，再算 `gap[True] - gap[False]`：约 0.104 - 0.025 = 0.079，"
                        "即约 8 个百分点。这 10 位多问的人赢单率约为其他人的四倍，但他们的技能也更高：提问和技能一起变化，"
                        "所以单凭这一点不能证明提问导致赢单。"},
    ),
    Exercise(
        name="02.first_to_coach",
        question={
            "en": "Who is first on the team's coaching priority list (`ask.coaching_priorities(team)`)? "
                  "Give the salesperson id, e.g. 'SP001'.",
            "zh": "团队辅导优先清单（`ask.coaching_priorities(team)`）上排第一的是谁？请给出销售人员编号，例如 'SP001'。",
        },
        data=_load_team,
        answer=lambda salespeople: str(ask.coaching_priorities(salespeople).index[0]),
        hint={"en": "The list is already sorted, highest priority first: take the first row's index.",
              "zh": "清单已按优先级从高到低排序：取第一行的索引。"},
        mistakes=[
            Mistake(lambda salespeople: str(ask.coaching_priorities(salespeople, weights={"A": 1, "S": 1, "K": 1}).index[0]),
                    {"en": "That is the person with the lowest single score. The list also weighs how much each "
                           "dimension goes with winning, so a low Skill counts more than a low Knowledge.",
                     "zh": "那是单项得分最低的人。清单还考虑了每个维度与赢单的关系，所以技能低比知识低更要紧。"}),
            Mistake(lambda salespeople: str(salespeople.sort_values(["win_rate", "salesperson_id"])["salesperson_id"].iloc[0]),
                    {"en": "That is the lowest win rate. Coaching priority is about the room to grow in what matters, "
                           "not about results alone.",
                     "zh": "那是赢单率最低的人。辅导优先级看的是在重要维度上的提升空间，而不只是业绩。"}),
        ],
        solution={"en": "`ask.coaching_priorities(team).index[0]`: each person's gain from coaching a dimension is "
                        "(100 - score) x its correlation with win rate; the top person has a very low Skill score, and "
                        "Skill matters most in this team.",
                  "zh": "`ask.coaching_priorities(team).index[0]`：每人在某个维度上的辅导收益 = (100 - 得分) × 该维度与赢单率的相关；"
                        "排第一的人技能得分很低，而技能在这个团队中最重要。"},
    ),
]


# ---------------------------------------------------------------------------------------------
# Quiz

QUIZ = [
    Question(
        prompt={"en": "According to seed 004’s quiz, which skill does CRM stress most?",
                "zh": "根据资料 004 的测验，客户关系管理最强调哪种技巧？"},
        options=[{"en": "General ability", "zh": "能力"}, {"en": "Communication skills", "zh": "沟通技巧"},
                 {"en": "Persuasion skills", "zh": "说服技巧"}, {"en": "Caring ability", "zh": "关怀能力"}],
        correct=1,
        feedback=[{"en": "Too broad: the source names one specific skill.", "zh": "太宽泛了：资料指出了一种具体的技巧。"},
                  {"en": "Yes: CRM listens, learns and understands; that is communication, and it is why “ask” beats “tell”.",
                   "zh": "对：客户关系管理重在倾听、学习、了解，这就是沟通，也是“问”胜过“说”的原因。"},
                  {"en": "Persuading is telling; CRM puts listening and asking first.", "zh": "说服仍是“说”；客户关系管理把倾听和提问放在前面。"},
                  {"en": "Care matters, but the source’s answer is the skill that lets you learn what customers need.",
                   "zh": "关怀很重要，但资料的答案是能让你了解客户需求的那种技巧。"}],
        source="seed 004, quiz",
    ),
    Question(
        prompt={"en": "A salesperson loses a big deal and feels like giving up. Which part of ASK is being tested?",
                "zh": "一位销售人员丢了一个大单，很想放弃。这考验的是 ASK 的哪一部分？"},
        options=[{"en": "Attitude", "zh": "态度"}, {"en": "Skill", "zh": "技能"}, {"en": "Knowledge", "zh": "知识"}],
        correct=0,
        feedback=[{"en": "Right: Attitude is the mindset facing customers and setbacks; “attitude decides everything” (seed 004).",
                   "zh": "对：态度是面对客户和挫折时的心态；“态度决定一切”（资料 004）。"},
                  {"en": "Skill is how well you sell; this is about how you take a setback.", "zh": "技能是销售做得好不好；这里说的是如何面对挫折。"},
                  {"en": "Knowledge is what you know about the industry and customers; this is about mindset.",
                   "zh": "知识是你对行业和客户的了解；这里说的是心态。"}],
        source="seed 004",
    ),
    Question(
        prompt={"en": "How fast should a salesperson learn new selling skills, according to seed 004?",
                "zh": "根据资料 004，销售人员学习新技能应该有多快？"},
        options=[{"en": "At least as fast as the market and society change", "zh": "至少赶上外部市场和社会变化的速度"},
                 {"en": "Once, in a thorough training at the start", "zh": "入职时一次性系统培训即可"},
                 {"en": "Only when sales fall", "zh": "只在业绩下滑时才学"}],
        correct=0,
        feedback=[{"en": "Yes: selling is competitive, so learning has to keep up with change.", "zh": "对：营销竞争激烈，学习必须跟上变化。"},
                  {"en": "The market keeps changing, so one training at the start goes out of date.", "zh": "市场一直在变，入职培训很快就会过时。"},
                  {"en": "Waiting for sales to fall means learning too late.", "zh": "等业绩下滑再学就太晚了。"}],
        source="seed 004",
    ),
    Question(
        prompt={"en": "Why do the initials A-S-K make a good word for selling?",
                "zh": "为什么 A-S-K 这三个首字母拼成的词很适合营销？"},
        options=[{"en": "Because good selling asks questions and listens to find the customer’s real need",
                  "zh": "因为好的营销通过提问和倾听发现客户的真正需求"},
                 {"en": "Because a salesperson should ask for the order as early as possible",
                  "zh": "因为销售人员应尽早要求客户下单"},
                 {"en": "Because customers should ask the salesperson for a discount",
                  "zh": "因为客户应该向销售人员要折扣"}],
        correct=0,
        feedback=[{"en": "Right: many salespeople “tell” (pitch) instead of asking; asking uncovers the real need (seed 004).",
                   "zh": "对：很多销售人员在“告诉”客户（推销），而不是提问；提问才能发现真正的需求（资料 004）。"},
                  {"en": "Asking for the order too early is still telling; “ask” here means asking about the customer’s need.",
                   "zh": "过早要求下单其实还是在“说”；这里的“ask”是询问客户的需求。"},
                  {"en": "The word is about what the salesperson does: asking, not being asked.", "zh": "这个词说的是销售人员该做的事：提问，而不是被问。"}],
        source="seed 004",
    ),
    Question(
        prompt={"en": "A salesperson answers 5 (“strongly agree”) to S4, “I tell every customer the same product pitch”. "
                      "How does that answer count in the Skill score?",
                "zh": "一位销售人员对 S4“我对每位客户讲的都是同一套产品说辞”回答 5（非常同意）。这个回答在技能得分中算几分？"},
        options=[{"en": "As 1: it is reverse-scored (6 - 5)", "zh": "算 1 分：这是反向计分题（6 - 5）"},
                 {"en": "As 5, like any other answer", "zh": "算 5 分，和其他题一样"},
                 {"en": "It is left out of the score", "zh": "不计入得分"}],
        correct=0,
        feedback=[{"en": "Yes: agreeing with a reverse-scored item signals less of the dimension.", "zh": "对：同意反向计分题，说明这个维度更弱。"},
                  {"en": "Then telling everyone the same pitch would raise the Skill score: the opposite of what it means.",
                   "zh": "那样的话，对所有人讲同一套说辞反而会提高技能得分，和本意正好相反。"},
                  {"en": "It counts; reverse-scored items are turned round, not dropped.", "zh": "要计入；反向计分题是反过来计分，而不是去掉。"}],
    ),
    Question(
        prompt={"en": "In Hengtai’s team of 40, the ask-vs-tell ratio correlates about 0.6 with win rate. What may you conclude?",
                "zh": "在恒泰 40 人的团队中，提问与陈述之比与赢单率的相关系数约为 0.6。可以得出什么结论？"},
        options=[{"en": "It is a lead worth testing (for example, train some people to ask more and compare), not proof",
                  "zh": "这是值得检验的线索（例如培训一部分人多提问再做比较），但不是证据"},
                 {"en": "Asking more causes winning more: make everyone ask more", "zh": "多问导致多赢：让每个人都多问"},
                 {"en": "Nothing at all: 40 people tell us nothing", "zh": "什么都说明不了：40 个人没有任何意义"}],
        correct=0,
        feedback=[{"en": "Right: the link is clear enough to act on as a test, but chance and a third factor (Skill) could be behind it.",
                   "zh": "对：这个关系足以作为检验的出发点，但背后可能有巧合，也可能有第三个因素（技能）。"},
                  {"en": "Correlation is not causation: skilled people both ask more and win more.",
                   "zh": "相关不等于因果：技能强的人既爱提问也更能赢单。"},
                  {"en": "A correlation of 0.6 in 40 people is unlikely to be pure chance; it is a lead, just not proof.",
                   "zh": "40 人中 0.6 的相关不太可能纯属巧合；它是线索，只是不是证据。"}],
    ),
]


# ---------------------------------------------------------------------------------------------
# Glossary

GLOSSARY = [
    Term("ASK rule", "ASK 法则", {"en": "Attitude, Skill and Knowledge: the three things a salesperson brings; the "
                                        "initials spell 'ask', a reminder to ask rather than tell.",
                                  "zh": "态度、技能、知识：销售人员应具备的三要素；首字母拼成 “ask（提问）”，提醒人们多问少说。"},
         "seed 004"),
    Term("Attitude", "态度", {"en": "A salesperson's mindset facing customers and setbacks.",
                              "zh": "销售人员面对客户和挫折时的心态。"}, "seed 004"),
    Term("Skill", "技能", {"en": "Selling skill, learned continuously, at least as fast as the market changes.",
                           "zh": "销售技能，需要不断学习，速度至少赶上市场变化。"}, "seed 004"),
    Term("Knowledge", "知识", {"en": "Industry, customer, social, historical and cultural knowledge useful in selling.",
                               "zh": "与营销相关的行业知识、客户知识、社会知识和历史人文知识。"}, "seed 004"),
    Term("communication skill", "沟通技巧", {"en": "Listening, asking and understanding: the skill CRM stresses most.",
                                            "zh": "倾听、提问和理解：客户关系管理最强调的技巧。"}, "seed 004, quiz"),
    Term("ask-vs-tell ratio", "提问与陈述之比", {"en": "Questions a salesperson asks divided by statements they make in a "
                                                   "customer conversation; above 1 means asking more than telling.",
                                             "zh": "销售人员在客户交谈中提问次数除以陈述次数；大于 1 表示提问多于陈述。"}),
    Term("self-assessment", "自我评估", {"en": "Rating oneself on a set of statements (here 12 items on a 1-5 agree scale).",
                                        "zh": "按一组陈述为自己打分（这里是 12 道题，1-5 分同意量表）。"}),
    Term("reverse-scored item", "反向计分题", {"en": "A statement where agreeing signals less of the dimension; it counts as "
                                                 "6 - answer on a 1-5 scale.",
                                           "zh": "同意即表示该维度更弱的题目；在 1-5 分制中按 6 - 答案计分。"}),
    Term("correlation", "相关系数", {"en": "A number from -1 to 1 saying how closely two things move together; it is not "
                                         "proof that one causes the other.",
                                   "zh": "介于 -1 到 1 之间的数，表示两者一起变化的紧密程度；它不能证明一方导致另一方。"}),
    Term("coaching priority", "辅导优先级", {"en": "Who to coach on what first: a large gap in a dimension that matters for results.",
                                           "zh": "先辅导谁、辅导什么：在对业绩重要的维度上差距大的优先。"}),
]


# ---------------------------------------------------------------------------------------------
# Role-play for class

#: The role-play: one situation, two versions of the same visit, debrief questions. Each salesperson line is
#: marked "ask" (a question) or "tell" (a statement); the plant manager's lines are marked "reply".
ROLE_PLAY = {
    "situation": {
        "en": "Xiao Chen, a salesperson of Hengtai Industrial Supply, visits Mr Zhou, the plant manager of an "
              "auto-parts factory in Suzhou. Mr Zhou has agreed to 10 minutes. Hengtai has never sold to this plant.",
        "zh": "恒泰工业供应的销售人员小陈拜访苏州一家汽车零部件厂的周厂长。周厂长答应给他 10 分钟。恒泰还从未向这家工厂供过货。",
    },
    "roles": {
        "en": "Student 1 plays Xiao Chen (salesperson), student 2 plays Mr Zhou (plant manager). "
              "Mr Zhou's secret: line 3 stopped twice last month because a bearing failed; purchases over "
              "100,000 yuan need the purchasing manager's signature.",
        "zh": "同学一扮演小陈（销售人员），同学二扮演周厂长。周厂长心里的情况：3 号生产线上个月因轴承故障停了两次；"
              "10 万元以上的采购需要采购经理签字。",
    },
    "telling": [
        ("sales", "tell", "Good morning, Mr Zhou. I'm Chen from Hengtai. We are a leading supplier of bearings, "
                          "hydraulics and power tools in East China.",
         "周厂长，您好！我是恒泰的小陈。我们是华东领先的轴承、液压件和电动工具供应商。"),
        ("manager", "reply", "We already have suppliers.", "我们已经有供应商了。"),
        ("sales", "tell", "Our bearings last 20% longer than standard ones, and this month there is 10% off every "
                          "order over 50,000 yuan.",
         "我们的轴承比普通轴承寿命长 20%，本月订单满 5 万元还打九折。"),
        ("manager", "reply", "Everyone says their bearings last longer.", "每家都说自己的轴承寿命长。"),
        ("sales", "tell", "We also offer maintenance service and next-day delivery. Here is our catalogue; I can send "
                          "you a quote today.",
         "我们还提供维修服务，次日送达。这是我们的产品目录，今天就可以给您报价。"),
        ("manager", "reply", "Leave the catalogue. I'll call you if we need anything.", "目录放这儿吧，需要的话我会打电话给你。"),
    ],
    "asking": [
        ("sales", "ask", "Good morning, Mr Zhou, thank you for your time. Before I tell you about us, may I ask how "
                         "your lines have been running this quarter?",
         "周厂长，您好，谢谢您抽出时间。在介绍我们之前，能先问问这个季度您的生产线运行得怎么样吗？"),
        ("manager", "reply", "Not well. Line 3 stopped twice last month: a bearing failed.", "不太好。3 号线上个月停了两次，轴承坏了。"),
        ("sales", "ask", "Twice in a month: what did each stop cost you?", "一个月停两次——每次停线给您造成了多大损失？"),
        ("manager", "reply", "Half a shift each time, and a late delivery to our car-maker customer.",
         "每次半个班的产量，还耽误了给整车厂客户的交货。"),
        ("sales", "tell", "So the real problem is unplanned stops, not the price of a bearing.",
         "所以真正的问题是计划外停线，而不是轴承的价格。"),
        ("sales", "ask", "Who decides with you on changes to how line 3 is maintained?", "3 号线的维护方式要调整，除了您还有谁参与决定？"),
        ("manager", "reply", "I do, but anything over 100,000 yuan needs the purchasing manager's signature.",
         "我来定，但 10 万元以上需要采购经理签字。"),
        ("sales", "ask", "What would a good result look like for you by next quarter?", "到下个季度，什么样的结果您会觉得满意？"),
        ("manager", "reply", "No unplanned stops, and a warning before a bearing fails.", "不再有计划外停线，轴承坏之前能提前预警。"),
        ("sales", "tell", "We run vibration checks that warn of a failing bearing weeks ahead.",
         "我们做振动检测，能提前几周发现快要损坏的轴承。"),
        ("sales", "ask", "Could we check line 3 next week, free of charge, and show the results to you and the "
                         "purchasing manager?",
         "下周我们免费给 3 号线做一次检测，再把结果给您和采购经理看，可以吗？"),
        ("manager", "reply", "Yes. Tuesday works.", "可以，周二吧。"),
    ],
    "debrief": [
        {"en": "Count the questions and the statements of each salesperson. What is each one's ask-vs-tell ratio?",
         "zh": "分别数一数两位销售人员的提问和陈述。各自的提问与陈述之比是多少？"},
        {"en": "What did each salesperson learn about the plant's real need, and about who decides and who signs?",
         "zh": "两位销售人员各自了解到了工厂的什么真正需求？又了解到谁做决定、谁签字吗？"},
        {"en": "Where did Mr Zhou start to talk more? What made him open up?", "zh": "周厂长从哪里开始说得更多了？是什么让他愿意开口？"},
        {"en": "Find Attitude, Skill and Knowledge in version 2: where does each show?",
         "zh": "在版本二中找出态度、技能和知识：它们分别体现在哪里？"},
        {"en": "Rewrite one line of version 1 as a question. How would Mr Zhou answer it?",
         "zh": "把版本一中的一句话改写成提问。周厂长会怎么回答？"},
        {"en": "The salesperson of version 2 also told things. When is telling the right move?",
         "zh": "版本二的销售人员也做了陈述。什么时候“说”才是对的？"},
    ],
}


class RolePlay:
    """The role-play shown in the notebook: HTML in Jupyter, plain text elsewhere (language at creation)."""

    def __init__(self):
        self.lang = i18n.get_language()

    def _speaker(self, who: str) -> str:
        return i18n.t("rp_sales") if who == "sales" else i18n.t("rp_manager")

    def _ratio_line(self, version: str) -> str:
        kinds = [kind for who, kind, *_ in ROLE_PLAY[version] if who == "sales"]
        return i18n.t("rp_ratio", ratio=ask.ask_tell_ratio(kinds), asks=kinds.count("ask"), tells=kinds.count("tell"))

    def _lines(self, version: str) -> list[tuple[str, str]]:
        column = 3 if self.lang == "zh" else 2
        return [(self._speaker(row[0]), row[column]) for row in ROLE_PLAY[version]]

    def __repr__(self) -> str:
        out = [i18n.t("rp_title"), f'{i18n.t("rp_situation")}: {i18n.pick(ROLE_PLAY["situation"])}',
               f'{i18n.t("rp_roles")}: {i18n.pick(ROLE_PLAY["roles"])}', i18n.t("rp_how")]
        for version, heading in (("telling", "rp_version_tell"), ("asking", "rp_version_ask")):
            out += ["", i18n.t(heading)] + [f"  {who}: {text}" for who, text in self._lines(version)]
            out.append(self._ratio_line(version))
        out += ["", i18n.t("rp_debrief")] + [f"  {n}. {i18n.pick(q)}" for n, q in enumerate(ROLE_PLAY["debrief"], 1)]
        return "\n".join(out)

    def _repr_html_(self) -> str:
        def column(version: str, heading: str, colour: str) -> str:
            rows = "".join(f'<p style="margin:3px 0"><b>{html.escape(who)}:</b> {html.escape(text)}</p>'
                           for who, text in self._lines(version))
            return (f'<div style="flex:1;min-width:300px;border-left:4px solid {colour};padding:4px 10px">'
                    f'<b>{html.escape(i18n.t(heading))}</b>{rows}'
                    f'<p><i>{html.escape(self._ratio_line(version))}</i></p></div>')

        debrief = "".join(f"<li>{html.escape(i18n.pick(q))}</li>" for q in ROLE_PLAY["debrief"])
        return (f'<div class="crm-card crm-role-play" style="border:1px solid #8aa;border-radius:6px;'
                f'padding:6px 14px;background:#f6fafb"><b>{html.escape(i18n.t("rp_title"))}</b>'
                f'<p><b>{html.escape(i18n.t("rp_situation"))}:</b> {html.escape(i18n.pick(ROLE_PLAY["situation"]))}<br>'
                f'<b>{html.escape(i18n.t("rp_roles"))}:</b> {html.escape(i18n.pick(ROLE_PLAY["roles"]))}</p>'
                f'<p><i>{html.escape(i18n.t("rp_how"))}</i></p>'
                f'<div style="display:flex;flex-wrap:wrap;gap:12px">'
                f'{column("telling", "rp_version_tell", "#D55E00")}{column("asking", "rp_version_ask", "#009E73")}</div>'
                f'<p><b>{html.escape(i18n.t("rp_debrief"))}</b></p><ol>{debrief}</ol></div>')


def role_play() -> RolePlay:
    """Return the lesson's role-play (script in two versions plus debrief questions), in the current language."""
    return RolePlay()
