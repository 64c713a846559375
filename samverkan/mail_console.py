"""E-mail printed readably in the terminal (`make run`): recipients, subject, the text part and
the names of the attachments, instead of raw MIME with base64."""

from django.core.mail.backends.console import EmailBackend as ConsoleBackend


class EmailBackend(ConsoleBackend):
    def write_message(self, message):
        lines = [
            "=" * 79,
            f"Till:   {', '.join(message.recipients())}",
            f"Ämne:   {message.subject}",
        ]
        names = [_name(attachment) for attachment in message.attachments]
        if names:
            lines.append(f"Bifogat: {', '.join(names)}")
        lines += ["-" * 79, message.body.rstrip(), ""]
        self.stream.write("\n".join(lines) + "\n")


def _name(attachment) -> str:
    if isinstance(attachment, tuple):  # (filename, content, mimetype)
        return attachment[0] or "bilaga"
    return attachment.get_filename() or "bilaga"  # a MIME part
