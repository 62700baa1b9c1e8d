"""README.md stays true: its command outputs are what the current code prints, its Python block runs as written.

Every ```` ```text ```` block whose first line is ``$ kg …`` is a session: each
``$ kg …`` line is run, in README order, in a folder holding a copy of
``seeds/`` (so ``kg build seeds/ --out out/`` makes the ``out/graph.ttl`` the
later lines query), and its output (stdout and stderr, as a terminal shows
them) must be the lines below it. A line ``...`` stands for lines left out:
the lines before it must start the output and the lines after it end it.

``python tests/test_readme.py --update`` writes the outputs into README.md
again (keeping each block's ``...`` cuts).
"""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"^```text\n(\$ kg .*?)^```$", re.MULTILINE | re.DOTALL)
PYTHON = re.compile(r"^## Python\n.*?^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
CUT = "..."


@dataclass
class Step:
    """One ``$ kg …`` line of a README block and the output shown below it."""
    command: str
    shown: list[str]

    def args(self) -> list[str]:
        """The arguments after ``kg`` (shell quoting and ``# comments`` as a shell reads them)."""
        words = shlex.split(self.command, comments=True)
        assert words[0] == "kg", self.command
        return words[1:]


def steps(block: str) -> list[Step]:
    """The commands of a block, each with the output lines below it (trailing blank lines dropped)."""
    found: list[Step] = []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            found.append(Step(line[2:], []))
        else:
            found[-1].shown.append(line)
    for step in found:
        while step.shown and not step.shown[-1].strip():
            step.shown.pop()
    return found


def matches(shown: list[str], printed: list[str]) -> bool:
    """Do the README lines ``shown`` (with an optional ``...`` cut) stand for the ``printed`` lines?"""
    if CUT not in shown:
        return shown == printed
    cut = shown.index(CUT)
    head, tail = shown[:cut], shown[cut + 1:]
    return len(printed) >= len(head) + len(tail) and printed[:cut] == head and printed[len(printed) - len(tail):] == tail


def shown_again(shown: list[str], printed: list[str]) -> list[str]:
    """``printed`` cut where ``shown`` was cut (same number of lines before and after the ``...``)."""
    if CUT not in shown:
        return printed
    cut = shown.index(CUT)
    after = len(shown) - cut - 1
    if len(printed) <= cut + after:
        return printed
    return printed[:cut] + [CUT] + (printed[len(printed) - after:] if after else [])


def run(step: Step) -> list[str]:
    """What ``kg ARGS`` prints (stdout, then stderr), run in-process in the current folder."""
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, step.args())
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    text = result.stdout + result.stderr
    return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip() else []


def workspace(folder: Path) -> Path:
    """A folder holding a copy of ``seeds/``, where the README's commands run."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    return folder


def check_or_update(folder: Path, update: bool) -> list[str]:
    """Run every README session in ``folder``; the differences found (written back when ``update``)."""
    import os

    text = README.read_text(encoding="utf-8")
    problems: list[str] = []
    pieces: list[str] = []
    last = 0
    here = Path.cwd()
    os.chdir(folder)
    try:
        for block in BLOCK.finditer(text):
            lines: list[str] = []
            for step in steps(block.group(1)):
                printed = run(step)
                if not matches(step.shown, printed):
                    problems.append(f"$ {step.command}\n--- README\n" + "\n".join(step.shown) +
                                    "\n--- printed\n" + "\n".join(printed))
                lines += [f"$ {step.command}", *shown_again(step.shown, printed), ""]
            pieces += [text[last:block.start(1)], "\n".join(lines).rstrip("\n") + "\n"]
            last = block.end(1)
    finally:
        os.chdir(here)
    if update:
        README.write_text("".join(pieces) + text[last:], encoding="utf-8")
    return problems


# ---------------------------------------------------------------- tests

def test_readme_has_sessions_and_a_python_block():
    text = README.read_text(encoding="utf-8")
    commands = [s.command for b in BLOCK.finditer(text) for s in steps(b.group(1))]
    assert commands[0].startswith("kg build seeds/ --out out/")  # what the later commands query
    assert any(c.startswith("kg query") for c in commands) and any(c.startswith("kg stats") for c in commands)
    assert PYTHON.search(text)


def test_cut_marks_match_head_and_tail():
    assert matches(["a", CUT, "z"], ["a", "b", "c", "z"]) and not matches(["a", CUT, "z"], ["a", "b"])
    assert matches(["a", CUT], ["a", "b"]) and not matches(["a"], ["a", "b"])
    assert shown_again(["a", CUT, "z"], ["a", "b", "c", "y"]) == ["a", CUT, "y"]


def test_readme_command_outputs_are_current(tmp_path):
    problems = check_or_update(workspace(tmp_path), update=False)
    assert not problems, "README.md differs from what kg prints (python tests/test_readme.py --update " \
                         "writes it again):\n\n" + "\n\n".join(problems)


def test_readme_python_block_runs_as_written(tmp_path):
    code = PYTHON.search(README.read_text(encoding="utf-8")).group(1)
    folder = workspace(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "actor,direction,relation,other,evidence,factual" in done.stdout
    assert re.search(r"^\d+ supplier-recipient pairs$", done.stdout, re.MULTILINE)
    assert (folder / "out" / "graph.html").is_file() and (folder / "out" / "kg.db").is_dir()


if __name__ == "__main__":  # python tests/test_readme.py --update
    import tempfile

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as scratch:
        found = check_or_update(workspace(Path(scratch)), update="--update" in sys.argv)
    print(f"{len(found)} block outputs differed" + ("; README.md written again" if "--update" in sys.argv else ""))
    sys.exit(1 if found and "--update" not in sys.argv else 0)
