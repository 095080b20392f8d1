"""CSV downloads whose cells a spreadsheet shows as text, never runs as formulas."""

import csv
import io

from flask import Response

# A cell starting with one of these is read as a formula (or as the start of one) by
# Excel, LibreOffice and Google Sheets: `=HYPERLINK(...)`, `@SUM(1)`, `+1`, `-1`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that could start a formula gets a leading apostrophe; numbers and None stay.

    Numbers are written by us, not typed by people, and a negative growth must stay a
    number a spreadsheet can sum.
    """
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: list[str], rows) -> str:
    """A header line, then each row (a sequence of values) with every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def csv_download(header: list[str], rows, filename: str) -> Response:
    """The rows as an attached UTF-8 CSV file."""
    response = Response(csv_text(header, rows), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
