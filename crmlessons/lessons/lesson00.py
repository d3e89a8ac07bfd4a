"""Lesson 00: start here. How the course works, the environment check, the language switch."""

from __future__ import annotations

from crmlessons.lessons import Lesson, Term
from crmlessons.practice import Exercise, Mistake, Question

LESSON = Lesson(
    id="00",
    notebook="00_start_here.ipynb",
    title={"en": "Start here: how this course works", "zh": "从这里开始：如何使用本课程"},
    objectives=[
        {"en": "Run a code cell and read its result.", "zh": "运行代码单元格并读懂结果。"},
        {"en": "Check that your computer is ready with crm.doctor().", "zh": "用 crm.doctor() 检查电脑环境是否就绪。"},
        {"en": "Switch every chart and widget between English and Chinese.", "zh": "在英文和中文之间切换所有图表和控件。"},
        {"en": "Answer an exercise and a quiz, and know where to find hints and solutions.",
         "zh": "完成一道练习和一个测验，并知道在哪里找提示和答案。"},
    ],
    teaching_minutes=10,
    exercise_minutes=10,
    key_points=[
        {"en": "Shift+Enter runs a cell; run the cells from top to bottom.", "zh": "Shift+Enter 运行单元格；请从上到下依次运行。"},
        {"en": "crm.doctor() tells you what is wrong and the command that fixes it.",
         "zh": "crm.doctor() 会指出问题，并给出修复命令。"},
        {"en": "crm.set_language('zh') or ('en') switches every label the course draws.",
         "zh": "crm.set_language('zh') 或 ('en') 切换课程绘制的所有标签。"},
        {"en": "crm.check(...) tells you at once whether an answer is right; crm.hint(...) and crm.solution(...) help when stuck.",
         "zh": "crm.check(...) 立即判断答案是否正确；卡住时用 crm.hint(...) 和 crm.solution(...)。"},
    ],
    next={"en": "Lesson 01: what CRM is, and why keeping customers pays.", "zh": "第 01 课：什么是客户关系管理，以及为什么留住客户更划算。"},
)

EXERCISES = [
    Exercise(
        name="00.warmup",
        question={
            "en": "The course's sources claim that winning a new customer costs about 5 times as much as keeping an "
                  "existing one. If keeping a customer costs 200 yuan a year, what does winning a new one cost?",
            "zh": "课程资料称，开发一位新客户的成本约是维系一位老客户的 5 倍。如果维系一位客户每年花 200 元，"
                  "开发一位新客户要花多少元？",
        },
        data=lambda: {"keep_cost": 200, "ratio": 5},
        answer=lambda keep_cost, ratio: keep_cost * ratio,
        hint={"en": "Winning is the expensive side: multiply the cost of keeping by the ratio.",
              "zh": "开发新客户更贵：用维系成本乘以倍数。"},
        mistakes=[
            Mistake(lambda keep_cost, ratio: keep_cost / ratio,
                    {"en": "You divided: winning a customer costs more than keeping one, not less.",
                     "zh": "你用了除法：开发新客户比维系老客户更贵，而不是更便宜。"}),
            Mistake(lambda keep_cost, ratio: keep_cost + ratio,
                    {"en": "You added the ratio; '5 times as much' means multiplying.",
                     "zh": "你把倍数加上去了；“5 倍”意味着相乘。"}),
        ],
        solution={"en": "Winning costs 5 times keeping: `200 * 5` = 1000 yuan.",
                  "zh": "开发成本是维系成本的 5 倍：`200 * 5` = 1000 元。"},
    ),
]

QUIZ = [
    Question(
        prompt={"en": "How do you run the code cell you are in?", "zh": "如何运行当前所在的代码单元格？"},
        options=[{"en": "Press Shift+Enter", "zh": "按 Shift+Enter"},
                 {"en": "Double-click the cell", "zh": "双击单元格"},
                 {"en": "Save the notebook", "zh": "保存笔记本"}],
        correct=0,
        feedback=[{"en": "Shift+Enter runs the cell and moves to the next one.", "zh": "Shift+Enter 会运行单元格并跳到下一个。"},
                  {"en": "Double-clicking opens a text cell for editing; it does not run code.",
                   "zh": "双击只会进入编辑状态，不会运行代码。"},
                  {"en": "Saving keeps your work but runs nothing.", "zh": "保存只会保存内容，不会运行任何代码。"}],
    ),
    Question(
        prompt={"en": "A chart shows English labels but you want Chinese. What do you do?",
                "zh": "图表显示英文标签，但你想看中文，该怎么做？"},
        options=[{"en": "Run crm.set_language('zh'), then run the chart's cell again", "zh": "运行 crm.set_language('zh')，然后重新运行图表单元格"},
                 {"en": "Install a Chinese font first", "zh": "先安装中文字体"},
                 {"en": "Change the computer's system language", "zh": "修改电脑的系统语言"}],
        correct=0,
        feedback=[{"en": "Yes: the language applies to everything drawn after the switch.", "zh": "对：切换后绘制的所有内容都会使用新语言。"},
                  {"en": "No need: the course ships its own Chinese font.", "zh": "不需要：课程自带中文字体。"},
                  {"en": "The course does not follow the system language; it follows crm.set_language.",
                   "zh": "课程不跟随系统语言，而是由 crm.set_language 决定。"}],
    ),
    Question(
        prompt={"en": "An exercise check says 'Not yet'. What is the best next step?",
                "zh": "练习检查显示“还不对”，下一步最好怎么做？"},
        options=[{"en": "Read the hint, change the answer and check again", "zh": "阅读提示，修改答案后再检查"},
                 {"en": "Open the worked solution straight away", "zh": "立刻打开解题过程"},
                 {"en": "Skip the rest of the lesson", "zh": "跳过本课剩下的内容"}],
        correct=0,
        feedback=[{"en": "Right: the hint points at the usual mistake without giving the answer away.",
                   "zh": "对：提示会指出常见错误，但不会直接给出答案。"},
                  {"en": "The solution is there when you are truly stuck; try the hint first, you learn more.",
                   "zh": "真正卡住时再看解答；先看提示，收获更大。"},
                  {"en": "Later lessons build on this one; keep going with the hint.", "zh": "后面的课程以此为基础；借助提示继续吧。"}],
    ),
    Question(
        prompt={"en": "According to the course's source (seed 004), the core of CRM is ...",
                "zh": "根据课程资料（资料 004），客户关系管理的核心是……"},
        options=[{"en": "grasping what customers need", "zh": "抓住客户的需求"},
                 {"en": "building long-term cooperation with customers", "zh": "与客户建立长久的合作关系"},
                 {"en": "mastering selling techniques", "zh": "掌握营销技巧"},
                 {"en": "none of these", "zh": "以上都不对"}],
        correct=1,
        feedback=[{"en": "Needs matter, but they serve the relationship, which is the core.", "zh": "需求很重要，但它服务于关系，关系才是核心。"},
                  {"en": "Yes: CRM turns strangers into friends and friends into lifelong customers.",
                   "zh": "对：客户关系管理把陌生人变成朋友，再把朋友变成终身客户。"},
                  {"en": "Techniques help, but the source puts the long-term relationship at the centre.",
                   "zh": "技巧有帮助，但资料把长期关系放在中心。"},
                  {"en": "One of them is the source's answer: think about what lasts.", "zh": "其中一个就是资料给出的答案：想想什么是长久的。"}],
        source="seed 004, quiz 1",
    ),
    Question(
        prompt={"en": "Where does your own work go when you open the course with `python course.py`?",
                "zh": "用 `python course.py` 打开课程时，你自己的作业保存在哪里？"},
        options=[{"en": "In your own work folder (crmlessons-work), never in the course files",
                  "zh": "在你自己的作业文件夹（crmlessons-work）里，不会改动课程文件"},
                 {"en": "Inside the crmlessons package", "zh": "在 crmlessons 程序包里"},
                 {"en": "Nowhere: it is lost when you close the browser", "zh": "哪里都没有：关闭浏览器就丢失了"}],
        correct=0,
        feedback=[{"en": "Yes: the lessons are copied there once, so your answers are yours to keep.",
                   "zh": "对：课程会复制一份到那里，你的答案由你保存。"},
                  {"en": "The package is never written to; it stays the same for everyone.", "zh": "程序包从不被改写，对所有人都一样。"},
                  {"en": "Saved notebooks stay in your work folder; save with Ctrl+S.", "zh": "保存的笔记本会留在作业文件夹里；用 Ctrl+S 保存。"}],
    ),
]

GLOSSARY = [
    Term("CRM", "客户关系管理", {"en": "Customer Relationship Management: a philosophy, a way of working and software "
                                 "for building lasting, profitable relationships with customers.",
                                 "zh": "客户关系管理：与客户建立长期、有利可图关系的理念、机制和软件。"}, "seed 004"),
    Term("customer", "客户", {"en": "A person or organisation that buys from the firm: end users, distributors and partners.",
                             "zh": "向企业购买的个人或组织，包括最终用户、经销商和合作伙伴。"}, "seed 004"),
    Term("exercise check", "练习检查", {"en": "A line that tells you at once whether your answer is right, with a hint if not.",
                                       "zh": "立即判断答案是否正确的一行代码，不对时给出提示。"}),
]
