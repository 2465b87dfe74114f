"""The start-up measures of ui.launch: PySide6's import check answers as before; the
garbage collector, off while the app is imported and built, is on again once it runs; and
what only other screens need is not imported on the way to Today."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from ui import launch

ROOT = Path(__file__).resolve().parents[2]


def _feature() -> ModuleType:
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no import check to speed up")
    return feature


def test_the_check_reads_the_file_and_finds_pyside(tmp_path: Path) -> None:
    uses, plain = tmp_path / "uses.py", tmp_path / "plain.py"
    uses.write_text("# a screen\nfrom PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    plain.write_text("VALUE = 'no Qt here: pyside6 in lower case does not count'\n")
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    def module(name: str, path: Path | None) -> ModuleType:
        made = ModuleType(name)
        if path is not None:
            made.__file__ = str(path)
        return made

    assert launch.uses_pyside(module("uses", uses), fallback) is True
    assert launch.uses_pyside(module("plain", plain), fallback) is False
    assert asked == []  # both answered from the file
    # No .py file (built-in, compiled, or gone): PySide6's own check decides.
    assert launch.uses_pyside(module("builtin", None), fallback) is True
    assert launch.uses_pyside(module("gone", tmp_path / "gone.py"), fallback) is True
    assert asked == ["builtin", "gone"]


def test_the_check_gives_pysides_answers() -> None:
    """Put in place, it answers exactly what PySide6's own check answers, and only once."""
    feature = _feature()
    before = feature._mod_uses_pyside
    try:
        assert launch.fast_pyside_import_check() is True
        installed = feature._mod_uses_pyside
        assert installed is not before or getattr(before, "clientcare", False)
        assert launch.fast_pyside_import_check() is True
        assert feature._mod_uses_pyside is installed  # not wrapped twice
        original = installed.original  # PySide6's own
        assert not getattr(original, "clientcare", False)
        import clientcare.text
        import ui.theme

        for module in (ui.theme, clientcare.text, sys, gc, launch, pytest):
            assert installed(module) == original(module), module.__name__
        assert installed(ui.theme) is True and installed(clientcare.text) is False
    finally:
        feature._mod_uses_pyside = before


def test_a_pyside_without_the_check_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = _feature()
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    assert launch.fast_pyside_import_check() is False
    assert not hasattr(feature, "_mod_uses_pyside")


def test_the_collector_is_on_again_whichever_way_the_app_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.app

    def refused(_argv: object) -> int:
        raise RuntimeError("the database could not be opened")

    monkeypatch.setattr(ui.app, "_run", refused)
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            ui.app.main(["--db", str(tmp_path / "x.sqlite3")])
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_command_runs_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """``clientcare backup`` or ``migrate-db`` may make much garbage: no window to wait for."""
    import ui.app

    during: list[bool] = []

    def command(_options: object) -> int:
        during.append(gc.isenabled())
        return 0

    monkeypatch.setattr(ui.app, "run_command", command)
    gc.disable()
    try:
        assert ui.app.main(["backup"]) == 0
    finally:
        gc.enable()
    assert during == [True]


def _set_up_practice(tmp_path: Path) -> Path:
    from clientcare.db.migrate import open_database
    from clientcare.first_run import SetupInput, set_up_practice

    practice = tmp_path / "practice.sqlite3"
    database, _report = open_database(practice)
    with database.unit_of_work() as session:
        set_up_practice(session, SetupInput(practice_name="Test Practice", practitioner_name="Sam"))
    database.dispose()
    return practice


def _run_child(tmp_path: Path, script: str, practice: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "CLIENTCARE_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-c", script, str(practice)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_launcher_starts_the_app_on_a_pyside_without_the_internal(tmp_path: Path) -> None:
    """The real launcher, in its own process, on a PySide6 whose private import check is
    not where it looks (as a future version may move or drop it): it replaces nothing,
    and the app starts, shows its window and quits normally."""
    practice = _set_up_practice(tmp_path)
    script = textwrap.dedent(
        """
        import sys
        import PySide6.QtCore
        # A PySide6 without the internal: its module is not where the launcher looks
        # (PySide6 keeps its own reference, so imports go on working as they would).
        feature = sys.modules.pop("shibokensupport.feature")
        own_check = feature._mod_uses_pyside
        from ui import launch
        from ui import app as app_module

        seen = {}
        real_run = app_module._run

        def run(argv):
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def look():
                shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
                seen["visible"] = bool(shown)
                seen["title"] = " ".join(w.windowTitle() for w in shown)
                QApplication.instance().quit()

            QTimer.singleShot(0, look)
            return real_run(argv)

        app_module._run = run
        code = launch.main(["--db", sys.argv[1]])
        print(code, seen["visible"], feature._mod_uses_pyside is own_check)
        print(seen["title"])
        """
    )
    done = _run_child(tmp_path, script, practice)
    assert done.returncode == 0, done.stderr[-2000:]
    status, title = done.stdout.splitlines()[-2:]
    assert status.split() == ["0", "True", "True"]
    assert title == "Test Practice"  # shown as "Test Practice — ClientCare"


def test_the_launched_app_collects_garbage_once_its_window_is_up(tmp_path: Path) -> None:
    """The real launcher, in its own process, on a practice already set up (as on most days):
    the collector is off while starting and on (and frozen) after; the first-run wizard,
    the migrations and the other screens are not imported."""
    practice = _set_up_practice(tmp_path)
    script = textwrap.dedent(
        """
        import gc, sys
        from ui import launch
        from ui import app as app_module

        # Not on the way to Today: imported when first needed, never at every start.
        LATER = (
            "alembic", "dateutil", "ui.dialogs.first_run", "clientcare.settings",
            "clientcare.demo", "ui.screens.clients", "ui.screens.calendar", "ui.printing",
        )
        seen = {}
        real_run = app_module._run

        def run(argv):
            seen["during imports"] = gc.isenabled()
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def look():
                seen["window up"] = gc.isenabled()
                seen["frozen"] = gc.get_freeze_count()
                seen["imported"] = [name for name in LATER if name in sys.modules]
                QApplication.instance().quit()

            QTimer.singleShot(0, look)
            return real_run(argv)

        app_module._run = run
        code = launch.main(["--db", sys.argv[1]])
        print(seen["during imports"], seen["window up"], seen["frozen"] > 0, code)
        print(*seen["imported"])
        """
    )
    done = _run_child(tmp_path, script, practice)
    assert done.returncode == 0, done.stderr[-2000:]
    collector, imported = done.stdout.splitlines()
    assert collector.split() == ["False", "True", "True", "0"]
    assert imported.split() == []
