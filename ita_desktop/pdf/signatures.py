"""Sign-off blocks for wet signatures: "ลงชื่อ ….", (full name), position, role; all on one page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ita_desktop.model import Signatory
from ita_desktop.pdf.flow import Flow
from ita_desktop.pdf.style import LayoutStyle
from ita_desktop.typesetting import Line, Typesetter

SIGN_WORD = "ลงชื่อ"
DOTS = "." * 40
# Roles written as "…โดย" ("อนุมัติโดย", "ตรวจสอบโดย") read before the signature;
# roles that name the signer ("ผู้จัดทำรายงาน") read under the position.
ROLE_BEFORE_SUFFIX = "โดย"
COLUMN_GAP_MM = 6.0


def signature_texts(person: Signatory) -> list[str]:
    """The lines of one sign-off block, top to bottom (the dotted line is where the pen goes)."""
    role = person.role.strip().rstrip(":").strip()
    name = person.name.strip()
    lines = [f"{SIGN_WORD} {DOTS}", f"({name})" if name else f"({DOTS})"]
    if person.position.strip():
        lines.append(person.position.strip())
    if role and role.endswith(ROLE_BEFORE_SUFFIX):
        lines.insert(0, role)
    elif role:
        lines.append(role)
    return lines


@dataclass(frozen=True)
class SignatureCell:
    """One person's block: its centred lines and where the dotted line is."""

    lines: tuple[Sequence[Line], ...]  # one laid-out paragraph per text line
    sign_line_index: int  # the "ลงชื่อ" line gets blank room above it for the signature

    def _height(self, paragraphs: Sequence[Sequence[Line]]) -> float:
        return sum(line.height_mm for para in paragraphs for line in para)

    def above_sign_mm(self) -> float:
        """Height of the lines before the dotted line (a role such as "อนุมัติโดย")."""
        return self._height(self.lines[:self.sign_line_index])

    def from_sign_mm(self) -> float:
        """Height from the dotted line down."""
        return self._height(self.lines[self.sign_line_index:])


@dataclass
class SignatureBlock:
    """All sign-off blocks of the report, two to a row, kept together on one page."""

    typesetter: Typesetter
    rows: list[list[SignatureCell]]
    column_width_mm: float
    width_mm: float
    signature_space_mm: float
    row_gap_mm: float
    space_before_mm: float = 0.0
    keep_with_next: bool = False

    @staticmethod
    def _sign_line_offset(row: list[SignatureCell]) -> float:
        # The dotted lines of a row share one baseline, whatever stands above them.
        return max(cell.above_sign_mm() for cell in row)

    def _row_height(self, row: list[SignatureCell]) -> float:
        return (self._sign_line_offset(row) + self.signature_space_mm
                + max(cell.from_sign_mm() for cell in row))

    def height_mm(self) -> float:
        return sum(self._row_height(row) for row in self.rows) + self.row_gap_mm * (len(self.rows) - 1)

    def lead_height_mm(self) -> float:
        return self.height_mm()

    def place(self, flow: Flow) -> None:
        for index, row in enumerate(self.rows):
            if index:
                flow.y += self.row_gap_mm
            sign_y = flow.y + self._sign_line_offset(row) + self.signature_space_mm
            for column, cell in enumerate(row):
                self._draw_cell(cell, flow.frame.left + self._cell_x(row, column), sign_y)
            flow.y += self._row_height(row)

    def _cell_x(self, row: list[SignatureCell], column: int) -> float:
        """A lone signer stands at the right (the usual place), a pair fills both halves."""
        free = self.width_mm - self.column_width_mm
        if len(row) == 2:
            return column * free
        return free if len(self.rows) == 1 else free / 2

    def _draw_cell(self, cell: SignatureCell, x: float, sign_y: float) -> None:
        y = sign_y - self.signature_space_mm - cell.above_sign_mm()
        for index, paragraph in enumerate(cell.lines):
            if index == cell.sign_line_index:
                y = sign_y
            for line in paragraph:
                self.typesetter.draw_line(line, x, y)
                y += line.height_mm


def signature_block(typesetter: Typesetter, style: LayoutStyle, signatories: Sequence[Signatory],
                    width_mm: float) -> SignatureBlock | None:
    """The sign-off of the report, None when nobody signs."""
    people = [p for p in signatories if p.name.strip() or p.role.strip() or p.position.strip()]
    if not people:
        return None
    column = width_mm / 2 - COLUMN_GAP_MM / 2
    cells = []
    for person in people:
        texts = signature_texts(person)
        paragraphs = tuple(typesetter.layout(text, column, style.body_pt, align="center") for text in texts)
        cells.append(SignatureCell(paragraphs, next(i for i, t in enumerate(texts) if t.startswith(SIGN_WORD))))
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    return SignatureBlock(typesetter, rows, column, width_mm, style.signature_space_mm,
                          row_gap_mm=style.line_mm, space_before_mm=style.line_mm * 1.5)
