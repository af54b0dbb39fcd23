"""The user guide (docs/): every algorithm's help button opens a section that exists, the pages link each other and
their screenshots, and every ``qgis_process`` command in them names a real algorithm and its real parameters."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import pytest

from .test_processing_support import register_provider

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md"))
TASK_PAGES = ["connect", "collections", "add-tiles", "ingestion", "process", "batch", "automate", "localhub"]


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set:
    """Anchors of a page's headings (outside code blocks)."""
    found, fenced = set(), False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            found.add(github_anchor(line.lstrip("#")))
    return found


@pytest.fixture(scope="module")
def algorithms(qgis_processing):
    provider = register_provider()
    return {alg.name(): alg for alg in provider.algorithms()}


def test_github_anchor_follows_githubs_rules():
    assert github_anchor(" Example model: create tiles, wait, process") == "example-model-create-tiles-wait-process"
    assert github_anchor("Re-trace covers") == "re-trace-covers"
    assert github_anchor("Add tiles from an S3 prefix") == "add-tiles-from-an-s3-prefix"


def test_every_algorithm_help_url_opens_an_existing_section(algorithms):
    from byoc_qgis.processing.base import DOCS_URL, HELP_PAGES

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    assert DOCS_URL == parser["general"]["repository"] + "/blob/main/docs/"
    assert len(algorithms) == 25 and set(HELP_PAGES) == set(algorithms)
    for name, alg in sorted(algorithms.items()):
        url = alg.helpUrl()
        assert url.startswith(DOCS_URL) and "#" in url, (name, url)
        page, anchor = url[len(DOCS_URL) :].split("#", 1)
        assert (DOCS / page).is_file(), (name, page)
        assert anchor in anchors(DOCS / page), (name, page, anchor)


def test_one_page_per_task_linked_from_the_index_and_the_readme():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in TASK_PAGES:
        assert (DOCS / f"{page}.md").is_file(), page
        assert f"({page}.md)" in index, page
    assert "(docs/index.md)" in (REPO / "README.md").read_text(encoding="utf-8")


def test_links_and_images_of_every_page_exist():
    link = re.compile(r"\]\(([^)\s]+)\)")
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
        if page.stem in TASK_PAGES:
            assert images, f"{page.name} has no screenshot"
        for target in link.findall(text):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path) if path else page
            assert file.exists(), (page.name, target)
            if anchor and file.suffix == ".md":
                assert anchor in anchors(file), (page.name, target)


def test_images_are_the_copies_the_screenshot_script_makes():
    """docs/images holds only screenshots listed in scripts/docs_screenshots.py (regenerated, never hand-made)."""
    script = (REPO / "scripts" / "docs_screenshots.py").read_text(encoding="utf-8")
    used = {m for page in PAGES for m in re.findall(r"\(images/([^)]+\.png)\)", page.read_text(encoding="utf-8"))}
    shipped = {p.name for p in (DOCS / "images").glob("*.png")}
    assert used == shipped
    for name in shipped:
        assert f'"{name}"' in script, name


def qgis_process_commands(text: str) -> list:
    """``qgis_process run byoc:<alg> -- NAME=value ...`` commands of the code blocks (continuation lines joined)."""
    commands = []
    for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", text, flags=re.S):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line.startswith("qgis_process run byoc:"):
                commands.append(shlex.split(line.replace("<", "_").replace(">", "_")))
    return commands


def test_qgis_process_commands_name_real_algorithms_and_parameters(algorithms):
    seen = set()
    for page in PAGES:
        for words in qgis_process_commands(page.read_text(encoding="utf-8")):
            name = words[2].split(":", 1)[1]
            assert name in algorithms, (page.name, words[2])
            alg = algorithms[name].create()  # as qgis_process makes it (a model's outputs become parameters)
            known = {p.name() for p in alg.parameterDefinitions()}
            assert words[3] == "--", (page.name, words)
            for word in words[4:]:
                key = word.split("=", 1)[0]
                assert "=" in word and key in known, (page.name, name, word)
            seen.add(name)
    assert len(seen) >= 15, sorted(seen)
