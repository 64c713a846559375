"""What a secretary's browser sends: files to upload, the review form with changes."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.smtp import run_worker


def uploaded(client, *files) -> str:
    """The upload page once the worker has read what was sent."""
    assert client.post(reverse("importer:upload"), {"files": list(files)}).status_code == 302
    run_worker()
    return client.get(reverse("importer:upload")).content.decode()


def review_post(client, document, **changes) -> dict:
    page = BeautifulSoup(client.get(document.get_absolute_url()).content, "html.parser")
    form = next(f for f in page.find_all("form") if f.find("button", class_="primary"))
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            data[name] = field.text.strip("\n")
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") == "radio":
            if field.has_attr("checked"):
                data[name] = field.get("value")
        else:
            data[name] = field.get("value", "")
    data.update(changes)
    return data
