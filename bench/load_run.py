"""A bounded load run: `samverkan serve --production` on loopback, locust against it.

Run: .venv/bin/python bench/load_run.py --database sqlite   [--users 50] [--seconds 60] [--keep DIR]
     .venv/bin/python bench/load_run.py --database postgres [--users 50] [--seconds 60] [--keep DIR]
     (pip install -e '.[bench]' for locust; DATABASE_URL names the PostgreSQL server)

The history (--years, default 10, 50 bodies) is generated as bench/pages_bench.py does it,
and with the same --keep DIR the one pages_bench kept is reused (the output says so). The
server runs with DEBUG off and --workers gunicorn workers (default 3) on a free port of
127.0.0.1; bench/locustfile.py sends --users simulated people for --seconds (three in four
anonymous, one in four the secretary of the first body, signed in), started at --rate a
second. Printed: requests, failures, throughput, median and p95 in milliseconds, for all
requests and per page, with the load average before and after. The server is stopped at
the end; a kept database has gained the run's sessions and sign-ins.
"""

import argparse
import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages_bench import ROOT, commit, database_url, history  # noqa: E402

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode}); see its log")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer on port {port} within {seconds:.0f} s")


def summary(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as stats:
        return list(csv.DictReader(stats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--bodies", type=int, default=50)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rate", type=float, default=10, help="users started a second")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the history in this folder, reuse it")
    parser.add_argument("--fresh", action="store_true", help="generate even a kept history anew")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="samverkan-load-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(args.database, args.years, work),
        "SAMVERKAN_DATA_DIR": str(work),
        "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
    }
    print(f"  {history(args.database, args.years, args.bodies, work, env, args.fresh)}")
    subprocess.run(
        [BIN / "samverkan", "collectstatic", "--no-input", "-v", "0"], env=env, check=True
    )
    log = open(work / f"server-{args.database}.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [BIN / "samverkan", "serve", "--production", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: gunicorn and its workers stop together
    )
    prefix = work / f"locust-{args.database}"
    try:
        wait_for(port, server)
        load_before = os.getloadavg()[0]
        subprocess.run(
            [BIN / "locust", "-f", ROOT / "bench" / "locustfile.py", "--headless"]
            + ["-u", str(args.users), "-r", str(args.rate), "-t", f"{args.seconds}s"]
            + ["--host", f"http://127.0.0.1:{port}", "--only-summary", "--csv", prefix]
            + ["--loglevel", "WARNING"],
            check=False,  # locust exits 1 when a request failed; the summary says which
            stdout=subprocess.DEVNULL,
        )
        load_after = os.getloadavg()[0]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    rows = summary(prefix)
    print(
        f"database: {args.database}, years: {args.years}, users: {args.users}, "
        f"seconds: {args.seconds}, workers: {args.workers}, commit: {commit()}, "
        f"load average: {load_before:.1f} before, {load_after:.1f} after"
    )
    print("| page | requests | failures | requests/s | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for row in sorted(rows, key=lambda r: r["Name"] == "Aggregated"):
        name = "all" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} "
            f"| {float(row['Requests/s']):.2f} | {row['50%']} | {row['95%']} |"
        )


if __name__ == "__main__":
    main()
