"""The case company's shipped tables (installed as ``crmlessons.data``).

This folder is data, not code: the CSV files and their datasheet (README.md). The file you are
reading only lets Python find them after ``pip install``; read the tables with
``crmlessons.datasets.load_<table>()``.
"""
