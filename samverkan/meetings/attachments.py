"""What an agenda item's attachment may be: a document whose content is what its name says."""

from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 25 * 1024 * 1024
SNIFFED = 8192  # the file's signature lies in its first bytes; nothing more is read

WORD, EXCEL, SLIDES = _("ett Word-dokument"), _("ett Excel-dokument"), _("en presentation")
OPEN_DOCUMENT, PICTURE = _("ett OpenDocument-dokument"), _("en bild")

# extension → (what a person calls it, the kinds filetype may find in it; None for plain text)
KINDS = {
    ".pdf": (_("en PDF"), {"pdf"}),
    ".docx": (WORD, {"docx"}),
    ".doc": (WORD, {"doc"}),
    ".rtf": (WORD, {"rtf"}),
    ".xlsx": (EXCEL, {"xlsx"}),
    ".xls": (EXCEL, {"xls"}),
    ".pptx": (SLIDES, {"pptx"}),
    ".ppt": (SLIDES, {"ppt"}),
    ".odt": (OPEN_DOCUMENT, {"odt"}),
    ".ods": (OPEN_DOCUMENT, {"ods"}),
    ".odp": (OPEN_DOCUMENT, {"odp"}),
    ".png": (PICTURE, {"png"}),
    ".jpg": (PICTURE, {"jpg"}),
    ".jpeg": (PICTURE, {"jpg"}),
    ".txt": (_("en textfil"), None),
    ".csv": (_("en textfil"), None),
}


def check_attachment(upload) -> None:
    """Refuse, in Swedish, a file too large, of another kind, or not what its name says."""
    if upload.size > MAX_SIZE:
        raise ValidationError(_("Bilagan får vara högst 25 MB."))
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in KINDS:
        raise ValidationError(
            _(
                "Bilagor kan vara PDF, Word, Excel, PowerPoint, OpenDocument, bilder (PNG, JPG) "
                "eller text (TXT, CSV)."
            )
        )
    upload.seek(0)
    head = upload.read(SNIFFED)
    upload.seek(0)
    name, kinds = KINDS[suffix]
    found = filetype.guess_extension(head)
    looks_right = (found is None and b"\x00" not in head) if kinds is None else found in kinds
    if not looks_right:
        raise ValidationError(
            _("Filen är inte %(kind)s, fast namnet slutar på %(suffix)s. Välj rätt fil.")
            % {"kind": name, "suffix": suffix}
        )
