"""Reading a team list from CSV: name and e-mail per line, optionally a role.

Parsing is separate from saving, so the schoolleider sees a preview with every bad line
named before anything is written, and a file with any bad line writes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tlschool.schools.models import Role

MAX_ROWS = 500
ROLE_WORDS = {
    "schoolleider": Role.SCHOOLLEIDER,
    "directeur": Role.SCHOOLLEIDER,
    "teacher leader": Role.TEACHER_LEADER,
    "teacher_leader": Role.TEACHER_LEADER,
    "teacherleader": Role.TEACHER_LEADER,
    "teamlid": Role.TEAMLID,
    "team member": Role.TEAMLID,
    "leerkracht": Role.TEAMLID,
    "": Role.TEAMLID,
}
HEADER_WORDS = {"naam", "name", "e-mail", "email", "rol", "role"}


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    role: str

    @property
    def role_label(self):
        return Role(self.role).label


@dataclass
class ImportPreview:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors


def team_csv_parse(text: str) -> ImportPreview:
    preview = ImportPreview()
    text = text.lstrip("\ufeff")
    if not text.strip():
        preview.errors.append((0, _("The file is empty.")))
        return preview
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    seen: dict[str, int] = {}
    reader = csv.reader(io.StringIO(text), dialect)
    line_number = 0
    while True:
        line_number += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            preview.errors.append(
                (
                    reader.line_num,
                    _("This line cannot be read: a cell is too long or a quote is not closed."),
                )
            )
            break
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if line_number == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(preview.rows) + len(preview.errors) >= MAX_ROWS:
            preview.errors.append(
                (line_number, _("More than %(max)s lines; split the file.") % {"max": MAX_ROWS})
            )
            break
        error = _row_error(cells, seen)
        if error:
            preview.errors.append((line_number, error))
            continue
        email = cells[1].lower()
        seen[email] = line_number
        role_word = cells[2].lower() if len(cells) > 2 else ""
        preview.rows.append(
            ImportRow(line=line_number, name=cells[0], email=email, role=ROLE_WORDS[role_word])
        )
    if not preview.rows and not preview.errors:
        preview.errors.append((0, _("The file has no lines with a name and e-mail address.")))
    return preview


def _row_error(cells: list[str], seen: dict[str, int]) -> str | None:
    if len(cells) < 2:
        return _("Expected a name and an e-mail address, separated by a comma or semicolon.")
    name, email = cells[0], cells[1].lower()
    if not name:
        return _("The name is missing.")
    if len(name) > 150:
        return _("The name is longer than 150 characters.")
    try:
        validate_email(email)
    except ValidationError:
        return _("'%(email)s' is not a valid e-mail address.") % {"email": email}
    if email in seen:
        return _("%(email)s already appears on line %(line)s.") % {
            "email": email,
            "line": seen[email],
        }
    if len(cells) > 2 and cells[2].lower() not in ROLE_WORDS:
        return _("Unknown role '%(role)s' (use schoolleider, teacher leader or teamlid).") % {
            "role": cells[2]
        }
    return None
