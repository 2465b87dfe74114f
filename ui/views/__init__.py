"""The layout of the larger widgets: which widgets there are, how they are laid out,
their object names, accessible names and tab order — and nothing else.

Each view is a widget class that builds its children in ``__init__`` and keeps them as
attributes; the widget that behaves (reads and saves through ``ui.ops``, validates,
enables) subclasses it and connects the signals. A view reads no database and calls
no domain code, so how a screen looks can be changed in one place without touching
what it does (the pattern of Qt Designer's ``setupUi`` and of TagStudio's views and
controllers).
"""
