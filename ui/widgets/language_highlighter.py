"""Underlines pet names and shaming money words as the practitioner types (advisory only)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from clientcare.language import Hit, LanguageChecker
from ui.theme import OkabeIto


class LanguageHighlighter(QSyntaxHighlighter):
    """A wavy underline under each hit; the hits of the whole text are kept for tooltips."""

    def __init__(self, document: QTextDocument, checker: LanguageChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.hit_format = QTextCharFormat()
        self.hit_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.hit_format.setUnderlineColor(QColor(OkabeIto.VERMILLION))

    def highlightBlock(self, text: str) -> None:
        for hit in self.checker.check(text):
            fmt = QTextCharFormat(self.hit_format)
            fmt.setToolTip(hit.message)
            # Qt counts UTF-16 code units; Python counts code points (emoji differ).
            start = _utf16_length(text[: hit.start])
            self.setFormat(start, _utf16_length(text[hit.start : hit.end]), fmt)

    def hits(self) -> list[Hit]:
        return self.checker.check(self.document().toPlainText())


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
