"""Write fpdf2's output straight into a file instead of one bytearray holding the whole PDF.

fpdf2's ``OutputProducer`` only ever appends to ``self.buffer`` (``+=``) and asks its length
(object offsets for the cross-reference table), so a file-backed stand-in serves it. With
90 MB of photos this saves the ~100 MB buffer (and its growth copies) on top of the photos
fpdf2 already holds until output. Needs ``FPDF.file_id()`` overridden (the default hashes the
buffer): :class:`ita_desktop.pdf.document.ReportDocument` does.
"""

from __future__ import annotations

from typing import BinaryIO

from fpdf import FPDF
from fpdf.output import OutputProducer


class FileSink:
    """Appends go to ``file``; ``len()`` is the number of bytes written so far."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.size = 0

    def __iadd__(self, data: bytes | bytearray) -> FileSink:
        self.file.write(data)
        self.size += len(data)
        return self

    def __len__(self) -> int:
        return self.size


class _ReleasingProducer(OutputProducer):
    """Drops its PDF objects once serialised: they hold every image, and fpdf2's cross-reference
    object points back at the producer, so without this they wait for a full garbage collection."""

    def bufferize(self) -> bytearray:
        try:
            return super().bufferize()
        finally:
            self.pdf_objs.clear()


def pdf_bytes(pdf: FPDF) -> bytearray:
    """``pdf.output()``, leaving no image data behind once it returns."""
    return pdf.output(output_producer_class=_ReleasingProducer)


def write_pdf(pdf: FPDF, file: BinaryIO) -> int:
    """Serialise ``pdf`` into ``file`` (object by object); returns the number of bytes written."""
    sink = FileSink(file)

    class _StreamingProducer(_ReleasingProducer):
        def __init__(self, fpdf: FPDF) -> None:
            super().__init__(fpdf)
            self.buffer = sink  # type: ignore[assignment]

    pdf.output(output_producer_class=_StreamingProducer)
    return sink.size
