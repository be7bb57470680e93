"""CSV exports that open correctly in Dutch Excel, and the year report as PDF."""

import csv
import io

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


def pdf_text(value) -> str:
    """Text for the PDF's built-in font (Latin-1): Dutch letters stay, rare symbols are spelled."""
    text = "" if value is None else str(value)
    for old, new in PDF_REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def year_report_pdf(report) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(pdf_text(report["title"]))

    def heading(text, size=14):
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(0, 8, pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    def paragraph(text, style=""):
        pdf.set_font("Helvetica", style, 10)
        pdf.multi_cell(0, 5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    heading(report["title"], 18)
    paragraph(report["subtitle"])
    pdf.ln(4)
    heading(report["leaders_heading"])
    for role in report["roles"]:
        heading(f"{role['person']} - {role['title']} ({role['kind']})", 11)
        paragraph(role["focus"])
        for item in role["mandate"]:
            paragraph(f"  - {item}")
        pdf.ln(2)
    pdf.add_page()
    heading(report["innovations_heading"])
    for innovation in report["innovations"]:
        heading(f"{innovation['title']} ({innovation['stage']})", 11)
        paragraph(innovation["owner_line"], "I")
        for line in innovation["lines"]:
            paragraph(f"  - {line}")
        pdf.ln(2)
    return bytes(pdf.output())
