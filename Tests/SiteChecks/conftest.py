"""Builds the repository's example site once per test run, into a temporary folder."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("WEGWEISER", ROOT / ".build" / "debug" / "wegweiser"))
NOW = "2026-11-26T12:00:00Z"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built example site: its output folder and the build's messages."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = subprocess.run(
        [str(BINARY), "build", "--source", str(ROOT), "--output", str(output), "--now", NOW],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    return Site(output, result.stderr)


class Site:
    def __init__(self, output, messages):
        self.output = output
        self.messages = messages

    def html_files(self):
        return sorted(self.output.rglob("*.html"))

    def path(self, relative):
        return self.output / relative
