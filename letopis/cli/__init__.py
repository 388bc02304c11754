"""The `letopis` command line: thin wrappers that parse options and call library functions.

Each command group lives in its own module and registers itself on `main`.
"""

from __future__ import annotations

import os

import click

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="letopis")
def main() -> None:
    """letopis: Russian-language news to clean text and structured event data."""


from . import core as _core  # noqa: E402,F401  (registers process, clean, show, entities, errors)
from . import events as _events  # noqa: E402,F401  (registers extract, events, eval)
from . import ingest as _ingest  # noqa: E402,F401  (registers fetch)
from . import serve as _serve  # noqa: E402,F401  (registers serve)
