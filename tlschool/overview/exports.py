"""CSV exports that open correctly in Dutch Excel, and the year report as PDF."""

import csv
import io
import re

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell as text; a leading formula character is neutralised so Excel shows it as text."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_response(*, filename: str, header: list[str], rows, separator: str) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def separator_from(request) -> str:
    """Semicolon by default (Dutch Excel); ?sep=comma for other spreadsheets."""
    return "," if request.GET.get("sep") == "comma" else ";"


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


def year_report_pdf(report) -> bytes:
    """The year report as an A4 document: title and contents on the first page, then one
    section per part, each teacher leader, PLG and innovation with its own heading; ragged
    right, page numbers below."""
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, pdf_text(f"{report['school']} · {report['title']} · {self.page_no()}"))

    pdf = Report(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_title(pdf_text(f"{report['title']} {report['school']}"))
    labels = report["labels"]

    def heading(text, size=14, space=2):
        if pdf.will_page_break(size * 1.5):
            pdf.add_page()
        pdf.ln(space)
        pdf.set_font("Helvetica", "B", size)
        write_wrapped(pdf, pdf_text(text), line_height=size * 0.5)

    def paragraph(text, style="", size=10):
        pdf.set_font("Helvetica", style, size)
        write_wrapped(pdf, pdf_text(text), line_height=5)

    def items(label, lines, empty=None):
        if not lines and empty is None:
            return
        pdf.ln(1)
        paragraph(label, "B")
        for line in lines or [empty]:
            paragraph(f"·  {line}")

    pdf.set_font("Helvetica", "", 11)
    paragraph(report["school"], size=12)
    heading(report["title"], 24, space=4)
    pdf.ln(2)
    paragraph(report["subtitle"], size=12)
    pdf.ln(2)
    paragraph(report["made_on"], "I")
    pdf.ln(6)
    heading(report["in_brief_heading"], 14)
    for line in report["in_brief"]:
        paragraph(f"·  {line}", size=11)
    pdf.ln(6)

    def contents(pdf, outline):
        heading(report["contents_heading"], 14)
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        for section in outline:
            if section.level == 0:
                pdf.cell(150, 7, pdf_text(section.name))
                pdf.cell(0, 7, str(section.page_number), align="R", new_x="LMARGIN", new_y="NEXT")

    pdf.insert_toc_placeholder(contents, pages=1, reset_page_indices=False)

    def part(number, title, count):
        pdf.start_section(pdf_text(f"{number}. {title} ({count})"), level=0)
        heading(f"{number}. {title}", 16, space=0)

    part(1, report["leaders_heading"], len(report["roles"]))
    for role in report["roles"]:
        heading(f"{role['person']}, {role['title']} ({role['kind']})", 11, space=4)
        if role["focus"]:
            paragraph(role["focus"])
        items(labels["mandate"], role["mandate"], labels["no_mandate"])
        pdf.ln(1)
        paragraph(f"{labels['time']}: {role['time']}")
        items(labels["courses"], role["courses"], labels["no_courses"])
    pdf.add_page()
    part(2, report["plgs_heading"], len(report["plgs"]))
    for plg in report["plgs"]:
        heading(f"{plg['name']} ({plg['theme']})", 11, space=4)
        paragraph(plg["summary"])
        items(labels["learned"], plg["learned"])
    pdf.add_page()
    part(3, report["innovations_heading"], len(report["innovations"]))
    for innovation in report["innovations"]:
        heading(f"{innovation['title']} ({innovation['stage']})", 11, space=4)
        paragraph(innovation["owner_line"], "I")
        items(labels["path"], innovation["path"])
        items(labels["monitoring"], innovation["lines"])
        items(labels["borging"], innovation["borging"])
    return bytes(pdf.output())
