"""Launcher: `python main.py [--db PATH] [--demo]` starts ClientCare."""

from __future__ import annotations

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
