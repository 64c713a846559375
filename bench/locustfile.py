"""A bounded load run against a server holding a generated history (bench/history.py).

One command that starts the server, runs this and prints throughput and p95: bench/load_run.py.
By hand (gunicorn on loopback in one shell, locust in another):
    samverkan serve --production 127.0.0.1:8106
    .venv/bin/locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s \
        --host http://127.0.0.1:8106 --only-summary

Three in four simulated visitors are anonymous (archive, search, OParl); one in four is the
secretary of the first body signed in (Översikt, registers, the body's meetings). Each waits
one to three seconds between pages, as a person reading would.
"""

import random
import re

from locust import HttpUser, between, task

YEARS = list(range(2017, 2027))
WORDS = "hemsjukvård demensvård läkemedelsgenomgångar rehabilitering ekonomi".split()


class Visitor(HttpUser):
    weight = 3
    wait_time = between(1, 3)

    @task(3)
    def archive(self):
        self.client.get("/arkiv/")

    @task(3)
    def archive_year(self):
        self.client.get(f"/arkiv/organ/1/?ar={random.choice(YEARS)}", name="/arkiv/organ/1/?ar=")

    @task(2)
    def search(self):
        self.client.get(f"/arkiv/sok/?q={random.choice(WORDS)}", name="/arkiv/sok/?q=")

    @task(1)
    def oparl(self):
        self.client.get("/oparl/v1/body/meetings/")

    @task(1)
    def bodies(self):
        self.client.get("/organ/")


class Secretary(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        page = self.client.get("/konto/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        self.client.post(
            "/konto/login/",
            {
                "username": "sekreterare",
                "password": "samverkan-bench",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": self.host + "/konto/login/"},
        )

    @task(3)
    def overview(self):
        self.client.get("/oversikt/")

    @task(2)
    def mine(self):
        self.client.get("/mina-uppdrag/")

    @task(2)
    def register(self):
        self.client.get("/organ/1/uppdrag/")

    @task(2)
    def decisions(self):
        self.client.get("/beslut/")

    @task(2)
    def body(self):
        self.client.get("/organ/1/")
