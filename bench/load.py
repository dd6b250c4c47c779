"""Load: N concurrent sessions against a local server, each loading a page and changing a control.

    python bench/load.py [--sessions 20] [--page overfitting] [--vary] [--url http://host:port]

Starts ``streamlit run app.py`` on a free loopback port (unless --url is
given), then opens N websocket sessions on ``/_stcore/stream`` at once, the
way browsers do.  Each session asks for the page (a rerun with the page's
name), waits for the script to finish, then moves the page's first slider one
step and waits again.  Reported: time to a finished render (median and 95th
percentile) for the load and for the change, errors (exceptions on the page,
failed or timed-out sessions) and the server's memory (RSS now and its peak).

With ``--vary`` each session moves its slider to a different value, so the
changes miss the cache (the worst case); without it every session asks for the
same change, as a class following a lecturer does.

``--warm --url http://replica:8501`` instead visits every page once with its
defaults and exits: run it against each replica after it starts, so the first
students of a lecture hit warm caches.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ClientState_pb2 import ClientState  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates  # noqa: E402


TIMEOUT = 180.0


def rerun(page: str, query: str, widgets=None) -> bytes:
    msg = BackMsg()
    msg.rerun_script.CopyFrom(ClientState(query_string=query, page_name=page,
                                          widget_states=WidgetStates(widgets=widgets or [])))
    return msg.SerializeToString()


async def until_finished(ws, seen: dict) -> None:
    """Read messages until the script run finishes; note sliders and exceptions on the way."""
    while True:
        raw = await ws.recv()
        seen["bytes"] = seen.get("bytes", 0) + len(raw)
        fm = ForwardMsg()
        fm.ParseFromString(raw)
        kind = fm.WhichOneof("type")
        if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            el = fm.delta.new_element
            which = el.WhichOneof("type")
            if which == "slider" and "slider" not in seen and not el.slider.options:  # a plain slider
                seen["slider"] = el.slider
            elif which == "exception":
                seen["exceptions"] = seen.get("exceptions", 0) + 1
                seen.setdefault("messages", []).append(el.exception.message)
        elif kind == "script_finished":
            if fm.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                return
            if fm.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise RuntimeError("script failed to compile")


async def one_session(ws_url: str, page: str, index: int, vary: bool, results: list) -> None:
    seen: dict = {}
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60) as ws:
            t0 = time.perf_counter()
            await ws.send(rerun(page, ""))
            await asyncio.wait_for(until_finished(ws, seen), TIMEOUT)
            load = time.perf_counter() - t0
            load_bytes = seen.get("bytes", 0)
            slider = seen.get("slider")
            change = None
            if slider is not None:
                steps = 1 + (index % 5 if vary else 0)
                current = (list(slider.value) or list(slider.default))[0]
                new = max(slider.min, current - steps * slider.step)
                if new == current:
                    new = min(slider.max, current + steps * slider.step)
                state = WidgetState(id=slider.id)
                state.double_array_value.data.append(new)
                t1 = time.perf_counter()
                await ws.send(rerun(page, "", [state]))
                await asyncio.wait_for(until_finished(ws, seen), TIMEOUT)
                change = time.perf_counter() - t1
            results.append({"load": load, "change": change, "exceptions": seen.get("exceptions", 0), "error": None,
                            "messages": seen.get("messages", []), "bytes": load_bytes})
    except Exception as e:  # a failed session is a result, not a crash of the benchmark
        results.append({"load": None, "change": None, "exceptions": 0, "error": f"{type(e).__name__}: {e}"})


def rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of a process and its children, in MB, from /proc."""
    def read(p):
        try:
            with open(f"/proc/{p}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
        except (OSError, KeyError):
            return 0.0, 0.0
    return read(pid)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


async def warm(url: str) -> int:
    from clinic.pages import available

    ws_url = url.replace("http", "ws", 1) + "/_stcore/stream"
    failed = 0
    for info in available():
        results: list = []
        t0 = time.perf_counter()
        await one_session(ws_url, "" if info.key == "home" else info.key, 0, False, results)
        r = results[0]
        bad = r["error"] or r["exceptions"]
        failed += bool(bad)
        print(f"{info.key:16} {time.perf_counter() - t0:6.2f} s {'FAILED ' + str(bad) if bad else 'warm'}")
    return 1 if failed else 0


async def run(args) -> int:
    if args.warm:
        if not args.url:
            raise SystemExit("--warm needs --url of a running server")
        return await warm(args.url)
    proc = None
    url = args.url
    if url is None:
        # the test suite's server helpers (they need pytest): only when this script starts its own server, so that
        # --warm --url runs on a replica that has the runtime requirements alone
        from tests.e2e.conftest import free_port, start_server, stop_server, wait_healthy

        port = free_port()
        proc = start_server(port)
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
    ws_url = url.replace("http", "ws", 1) + "/_stcore/stream"
    try:
        # one warm-up session: the server's first run imports everything
        await one_session(ws_url, args.page, 0, False, [])
        before = rss_mb(proc.pid) if proc else (0, 0)
        results: list = []
        t0 = time.perf_counter()
        await asyncio.gather(*(one_session(ws_url, args.page, i, args.vary, results) for i in range(args.sessions)))
        wall = time.perf_counter() - t0
        after = rss_mb(proc.pid) if proc else (0, 0)
    finally:
        if proc:
            stop_server(proc)
    loads = [r["load"] for r in results if r["load"] is not None]
    changes = [r["change"] for r in results if r["change"] is not None]
    errors = [r["error"] for r in results if r["error"]]
    exceptions = sum(r["exceptions"] for r in results)
    print(f"{args.sessions} concurrent sessions on /{args.page} ({'different' if args.vary else 'the same'} change "
          f"each), finished in {wall:.1f} s")
    print("| measure | median s | p95 s | max s |\n|---|---:|---:|---:|")
    for name, vals in (("load the page", loads), ("change a slider", changes)):
        if vals:
            print(f"| {name} | {statistics.median(vals):.2f} | {pct(vals, 0.95):.2f} | {max(vals):.2f} |")
    sizes = [r["bytes"] for r in results if r.get("bytes")]
    if sizes:
        print(f"one page load sends {statistics.median(sizes) / 1e6:.2f} MB to the browser (median)")
    messages = sorted({m for r in results for m in r.get("messages", [])})
    print(f"errors: {len(errors)} failed sessions, {exceptions} exceptions shown"
          + (f" ({errors[:3]})" if errors else "") + (f" {messages[:3]}" if messages else ""))
    if proc:
        print(f"server memory: {before[0]:.0f} MB before, {after[0]:.0f} MB after, peak {after[1]:.0f} MB "
              f"(~{max(after[0] - before[0], 0) / max(args.sessions, 1):.1f} MB per session)")
    return 1 if errors or exceptions else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--page", default="overfitting")
    ap.add_argument("--vary", action="store_true")
    ap.add_argument("--url")
    ap.add_argument("--warm", action="store_true", help="visit every page once (needs --url) and exit")
    return asyncio.run(run(ap.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
