"""A4 documents of the app (the year report, the borgingskaart, the inspectie's evidence):
fpdf2 with its built-in font, headings, paragraphs and lists that wrap between words, and the
school and page number below. Importing fpdf2 takes about 0.2 s: the functions that write a
PDF import this module when they run, so a worker does not pay it at start-up."""

import re

from fpdf import FPDF

PDF_REPLACEMENTS = {
    "–": "-",
    "—": "-",
    "→": "->",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "✔": "v",
}


LONG_WORD = re.compile(r"\S{60}")


def pdf_text(value) -> str:
    """Text for the PDF's built-in font (Latin-1): Dutch letters stay, rare symbols are spelled.
    A "word" of 60 characters or more (a pasted link, a row of dots) is broken into parts: the
    PDF's line breaking measures such a word letter by letter, which made one report take
    seconds."""
    text = "" if value is None else str(value)
    for old, new in PDF_REPLACEMENTS.items():
        text = text.replace(old, new)
    text = LONG_WORD.sub(lambda match: match.group(0) + " ", text)
    return text.encode("latin-1", "replace").decode("latin-1")


def write_wrapped(pdf, text: str, *, line_height: float) -> None:
    """Text in lines that fit the page, wrapped between words by their measured widths.

    fpdf2's own `multi_cell` measures a paragraph letter by letter for every line it tries
    (about 10 ms for a line of 400 characters here); measuring each word once and writing
    whole lines with `cell` gives the same ragged-right text in a fraction of that."""
    width = pdf.w - pdf.l_margin - pdf.r_margin
    space = pdf.get_string_width(" ")
    for paragraph in text.split("\n"):
        line, line_width = [], 0.0
        for word in _fitting(pdf, paragraph.split(), width):
            word_width = pdf.get_string_width(word)
            if line and line_width + space + word_width > width:
                pdf.cell(0, line_height, " ".join(line), new_x="LMARGIN", new_y="NEXT")
                line, line_width = [], 0.0
            line.append(word)
            line_width += (space if len(line) > 1 else 0) + word_width
        pdf.cell(0, line_height, " ".join(line), new_x="LMARGIN", new_y="NEXT")


def _fitting(pdf, words, width):
    """The words, each wider than a line cut into parts that fit."""
    for word in words:
        while len(word) > 1 and pdf.get_string_width(word) > width:
            cut = max(1, int(len(word) * width / pdf.get_string_width(word)) - 1)
            yield word[:cut]
            word = word[cut:]
        yield word


class Document(FPDF):
    """An A4 page with the app's margins; `footer` is written below with the page number."""

    def __init__(self, *, footer: str):
        super().__init__(format="A4")
        self.footer_text = footer
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(auto=True, margin=18)
        self.add_page()

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, pdf_text(f"{self.footer_text} · {self.page_no()}"))

    def heading(self, text, size=14, space=2):
        if self.will_page_break(size * 1.5):
            self.add_page()
        self.ln(space)
        self.set_font("Helvetica", "B", size)
        write_wrapped(self, pdf_text(text), line_height=size * 0.5)

    def paragraph(self, text, style="", size=10):
        self.set_font("Helvetica", style, size)
        write_wrapped(self, pdf_text(text), line_height=5)

    def items(self, label, lines, empty=None):
        if not lines and empty is None:
            return
        self.ln(1)
        self.paragraph(label, "B")
        for line in lines or [empty]:
            self.paragraph(f"·  {line}")

    def as_bytes(self) -> bytes:
        return bytes(self.output())
