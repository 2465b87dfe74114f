"""How ClientCare starts: the two start-up measures that must come before the app is imported.

``main.py`` and the ``clientcare`` command both come through :func:`main`. The work of
``prepare`` is done here, in a module that imports nothing of the app, because it only
helps if it runs before the app's few hundred modules are imported:

- **No garbage collection until the window is up.** Start-up creates some 400,000
  objects that live as long as the app (modules, classes, ORM mappers, Qt wrappers). The
  collector would walk them again and again while they are being made (about 55 ms of
  a start-up of 550 ms, measured with ``make bench``), and none of them is garbage.
  ``ui.app.main`` freezes them out of the collector's reach and switches it back on as
  soon as the window is shown.
- **PySide6's import check, done without the tokenizer.** After PySide6 is imported, it
  looks at every module imported later for the text "PySide6" (so that its opt-in
  ``__feature__`` switches apply only to modules that use Qt). It reads each module's
  source with ``inspect.getsource``, which decodes, splits and re-joins the file line by
  line: about 65 ms for ClientCare's modules. :func:`fast_pyside_import_check` asks the
  same question of the file's bytes. Where the file cannot be read that way (no ``.py``
  file: a built-in or compiled module), PySide6's own check answers as before.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from types import ModuleType


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions PySide6 (PySide6's own test, on the raw bytes)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return bool(fallback(module))
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return bool(fallback(module))


def fast_pyside_import_check() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's check; False if this PySide6 has none.

    The check is internal to PySide6 (``shibokensupport.feature._mod_uses_pyside``, see
    PYSIDE-2029). A PySide6 without it is left alone: start-up is then slower, not wrong.
    """
    import PySide6.QtCore  # noqa: F401  (loads shibokensupport, where the check lives)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "clientcare", False):  # already in place
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.clientcare = True  # type: ignore[attr-defined]
    check.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check  # type: ignore[attr-defined]
    return True


def prepare() -> None:
    """Start-up settings for this process, before the app's modules are imported."""
    gc.disable()  # ui.app.main freezes what start-up made and enables it again
    fast_pyside_import_check()


def main(argv: Sequence[str] | None = None) -> int:
    """Start ClientCare (``main.py`` and the ``clientcare`` command)."""
    prepare()
    from ui.app import main as run

    return run(argv)
