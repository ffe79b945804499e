"""The manual page that `make man` makes from the commands' own help."""
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_manual_page_describes_every_command():
    subprocess.run(["swift", "package", "generate-manual", "--configuration", "debug"], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    page = (ROOT / ".build/plugins/GenerateManual/outputs/wegweiser/wegweiser.1").read_text()
    assert ".Dt WEGWEISER 1" in page
    for command in ["build", "check", "serve", "new"]:
        assert f".It Em {command}" in page, command
    assert "--translations" in page.replace("\\-", "-")
