"""Browser (end-to-end) tests: JupyterLab and Voila in headless Chromium. See conftest.py."""
