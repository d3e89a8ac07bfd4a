"""The trainer's kit: printable pages and a student edition, each a command of ``python course.py``.

=================================  ===========================================================================
``python course.py student-edition OUT``  a copy of the course without worked solutions (:mod:`.student_edition`)
``python course.py answer-key N``          the answers of data variant ``N``, one page (:mod:`.answer_key`)
``python course.py session-plan [NN]``     90- and 45-minute plans of each lesson (:mod:`.session_plan`)
``python course.py handouts [NN]``         each lesson's quiz as a sheet, with a separate key (:mod:`.handouts`)
=================================  ===========================================================================

The pages are HTML for A4 paper with no external resources (:mod:`.pages`, the one home of their style and of
the PDF step); they go to the work folder's ``trainer/`` subfolder unless ``--out`` names another. Nothing
here is imported by the rest of the package.
"""
