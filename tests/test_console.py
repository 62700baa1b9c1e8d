"""The terminal side of ``kg``: the build's progress display (a bar with a total and ETA, or a spinner), no red."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from kg.console import progress

ROOT = Path(__file__).resolve().parents[1]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def red_codes(text: str) -> list[str]:
    """SGR sequences that draw red: 31/91, 256-colour reds, true-colour reds (rich's default bar and rate)."""
    found = []
    for params in SGR.findall(text):
        codes = [int(c) for c in params.split(";") if c]
        for i, code in enumerate(codes):
            if code in (31, 91, 41, 101):
                found.append(params)
            elif code in (38, 48) and codes[i + 1:i + 2] == [5] and codes[i + 2:i + 3] in ([1], [9], [124], [160],
                                                                                          [161], [196], [197], [198]):
                found.append(params)
            elif code in (38, 48) and codes[i + 1:i + 2] == [2] and len(codes) >= i + 5:
                r, g, b = codes[i + 2:i + 5]
                if r >= 180 and g <= 90 and b <= 140:
                    found.append(params)
    return found


def test_the_red_detector_sees_rich_default_styles():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor")
    console.print("[progress.data.speed]12 docs/s[/] [bar.complete]━━[/]", highlight=False)
    assert len(red_codes(out.getvalue())) == 2


def _rendered(total: int | None, steps: int) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=120)
    with progress(False, total, console=console) as advance:
        assert advance is not None
        for _ in range(steps):
            advance(1)
    return out.getvalue()


def test_known_total_gives_a_bar_with_counts_and_eta():
    text = _rendered(total=4, steps=4)
    assert "4/4" in text and "ETA" in text and "━" in text and "docs/s" in text
    assert red_codes(text) == []


def test_unknown_total_gives_a_spinner_with_count_and_rate():
    text = _rendered(total=None, steps=3)
    assert "3 documents" in text and "docs/s" in text and "━" not in text and "ETA" not in text
    assert red_codes(text) == []


def test_a_cluster_build_shows_partitions_and_prints_notices_above():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=120)
    with progress(False, 10, console=console) as advance:
        assert advance is not None
        advance.notice("Dask dashboard: http://127.0.0.1:8787/status")
        advance.partitions(3, 7)
        advance(2, chars=2_000_000)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())  # without the terminal's escape codes
    assert "Dask dashboard: http://127.0.0.1:8787/status" in text and "3/7 partitions" in text and "2.0 MB" in text


def test_nothing_when_quiet_or_not_a_terminal():
    with progress(True, 3, console=Console(file=io.StringIO(), force_terminal=True)) as advance:
        assert advance is None
    with progress(False, 3) as advance:  # pytest's stderr is not a terminal
        assert advance is None


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_build_on_a_terminal_counts_first_and_shows_the_total(tmp_path):
    import pty

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Iran supplied drones to Russia."}\n\n'
                      '{"id": "b", "text": "Russia attacked Ukraine."}\n'
                      '{"id": "c", "text": "Israel and Iran fought."}\n', encoding="utf-8")
    (tmp_path / "note.txt").write_text("Russia and Iran signed a treaty.", encoding="utf-8")
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", COLUMNS="120")
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", corpus, tmp_path / "note.txt",
                                "--out", tmp_path / "out"], cwd=ROOT, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    stdout = process.communicate(timeout=120)[0].decode()
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0 and "documents: 4" in stdout
    assert "0/4" in shown and "4/4" in shown and "ETA" in shown  # counted before the build: 3 JSONL lines + 1 file
    assert red_codes(shown) == [] and "error" not in shown


@pytest.mark.parametrize("command", ["build", "query", "serve"])
def test_help_in_colour_has_no_red(command):
    env = dict(os.environ, FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="100")
    done = subprocess.run([sys.executable, "-m", "kg.cli", command, "--help"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and SGR.search(done.stdout)  # in colour
    assert "[required]" in SGR.sub("", done.stdout) and red_codes(done.stdout) == []
