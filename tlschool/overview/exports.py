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


def year_report_pdf(report) -> bytes:
    """The year report as an A4 document: title and contents on the first page, then one
    section per part, each teacher leader, PLG and innovation with its own heading; ragged
    right, page numbers below."""
    from tlschool.pdf import Document, pdf_text

    pdf = Document(footer=f"{report['school']} · {report['title']}")
    pdf.set_title(pdf_text(f"{report['title']} {report['school']}"))
    labels = report["labels"]
    heading, paragraph, items = pdf.heading, pdf.paragraph, pdf.items

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


# The evidence PDF lists so many items per kind; the page and the CSV have them all.
PDF_ITEMS_PER_KIND = 12


def evidence_pdf(*, school: str, year, standards) -> bytes:
    """The evidence page as an A4 document: per standard its evidence, kind by kind, or in
    plain words that there is none."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from tlschool.pdf import Document, pdf_text

    title = _("Evidence for the quality standards")
    pdf = Document(footer=f"{school} · {title} {year.label}")
    pdf.set_title(pdf_text(f"{title} {school} {year.label}"))
    pdf.paragraph(school, size=12)
    pdf.heading(title, 20, space=4)
    pdf.paragraph(_("Schooljaar %(year)s") % {"year": year.label}, size=12)
    if standards:
        first = standards[0].standard
        pdf.paragraph(f"{first.framework} ({first.version})", "I")
    for found in standards:
        standard = found.standard
        pdf.heading(f"{standard.code} {standard.title}", 14, space=6)
        if standard.description:
            pdf.paragraph(standard.description, "I", size=9)
        if not found.has_evidence:
            pdf.ln(1)
            pdf.paragraph(_("No evidence in the programme for this standard this schooljaar."), "B")
        for kind in found.kinds:
            lines = [
                (f"{date_format(item.day)}: " if item.day else "") + item.text
                for item in kind.items[:PDF_ITEMS_PER_KIND]
            ]
            more = len(kind.items) - len(lines)
            if more > 0:
                lines.append(
                    ngettext(
                        "and %(count)s more on the page", "and %(count)s more on the page", more
                    )
                    % {"count": more}
                )
            pdf.items(str(kind.kind.title), lines, _("none"))
    return pdf.as_bytes()
