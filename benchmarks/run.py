"""Measure the analyser's speed on this machine and write benchmarks/RESULTS.md.

Needs the inputs from benchmarks/make_inputs.py. Every figure is a wall-clock time
(time.perf_counter); repeated measures are the median of N runs after one warm-up.

Run: .venv/bin/python benchmarks/run.py [--runs 3] [--no-profile]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INPUTS = HERE / ".inputs"
RESULTS = HERE / "RESULTS.md"
PROFILE_TXT = HERE / "profile_long.txt"
PY = sys.executable
CLI = Path(PY).with_name("analyser")

TARGET_RATIO = 25.0        # analyser time / raw pypdfium2 text time on the long PDF
TARGET_STARTUP_S = 2.0     # import analyser.pipeline + Analyser(), warm model cache
TARGET_PEAK_MB = 1024.0    # ru_maxrss analysing ~400 pages
TARGET_SHORT_S = 5.0       # 30-page PDF, bytes -> verdicts, warm Analyser


# ---------------------------------------------------------------- helpers

def log(msg: str) -> None:
    print(msg, flush=True)


LOADS: list[float] = []  # 1-minute load average sampled around every measure
CPU_TIMES: dict[str, float] = {}  # median CPU seconds (this process + children) per measure


def cpu_now() -> float:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, runs: int, warmup: int = 1, key: str | None = None) -> tuple[float, list[float], object]:
    """Median wall seconds of `runs` calls after `warmup` calls; also all times and the last result."""
    result = None
    for _ in range(warmup):
        result = fn()
    times, cpus = [], []
    for _ in range(runs):
        LOADS.append(os.getloadavg()[0])
        c0, t0 = cpu_now(), time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpus.append(cpu_now() - c0)
    LOADS.append(os.getloadavg()[0])
    if key:
        CPU_TIMES[key] = statistics.median(cpus)
    return statistics.median(times), times, result


def child(code: str, *args: str, env: dict | None = None) -> tuple[dict, float]:
    """Run `code` in a fresh interpreter; it prints one JSON line last. Returns (that JSON, wall seconds)."""
    LOADS.append(os.getloadavg()[0])
    t0 = time.perf_counter()
    proc = subprocess.run([PY, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.2f} s"


def fmt_runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


# ---------------------------------------------------------------- machine

def machine() -> dict:
    info: dict = {}
    model, physical = None, set()
    try:
        phys_id = None
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "model name" and model is None:
                model = value
            elif key == "physical id":
                phys_id = value
            elif key == "core id":
                physical.add((phys_id, value))
    except OSError:
        pass
    info["cpu"] = model or platform.processor() or "unknown"
    info["logical_cpus"] = os.cpu_count()
    info["physical_cores"] = len(physical) or None
    try:
        info["usable_cpus"] = len(os.sched_getaffinity(0))
    except AttributeError:
        info["usable_cpus"] = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = int(line.split()[1]) / 1024 / 1024
    except OSError:
        info["ram_gb"] = None
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        info["cgroup_memory_limit"] = None if limit == "max" else f"{int(limit) / 1024 ** 3:.1f} GB"
    except (OSError, ValueError):
        info["cgroup_memory_limit"] = None
    info["os"] = platform.platform()
    info["python"] = f"{platform.python_implementation()} {platform.python_version()}"
    versions = {}
    for dist in ("clause-analyser", "pypdfium2", "pdfplumber", "python-docx", "spacy", "scikit-learn", "numpy",
                 "scipy", "reportlab", "pyinstrument"):
        try:
            versions[dist] = md.version(dist)
        except md.PackageNotFoundError:
            pass
    info["packages"] = versions
    info["date"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "analyser"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
        info["git"] = f"{commit}{' (analyser/ has uncommitted changes)' if dirty else ''}" if commit else None
    except OSError:
        info["git"] = None
    return info


# ---------------------------------------------------------------- measures

def raw_extract(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    chars = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return chars


STARTUP_CODE = """
import json, time
t0 = time.perf_counter()
import analyser.pipeline
t1 = time.perf_counter()
a = analyser.pipeline.Analyser()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "construct": t2 - t1, "model": a.model_version}))
"""

MEMORY_CODE = """
import json, resource, sys
from analyser.pipeline import Analyser
a = Analyser()
after_init = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = open(sys.argv[1], "rb").read()
r = a.analyse_bytes(data, "long.pdf")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"after_init_kb": after_init, "peak_kb": peak, "pages": r.document.pages}))
"""


def startup_summary(runs: list) -> dict:
    """Medians of (timings, process wall time) pairs from start-up subprocesses."""
    return {
        "import": statistics.median(t["import"] for t, _ in runs),
        "construct": statistics.median(t["construct"] for t, _ in runs),
        "total": statistics.median(t["import"] + t["construct"] for t, _ in runs),
        "process_wall": statistics.median(wall for _, wall in runs),
        "runs": [t["import"] + t["construct"] for t, _ in runs],
    }


def stage_times(analyser, data: bytes, name: str) -> dict[str, float]:
    """Time the stages of Analyser.analyse_document separately (mirrors analyser/pipeline.py)."""
    from analyser import pipeline as p

    out = {}
    t = time.perf_counter()
    document = p.ingest_bytes(data, name, analyser.limits)
    out["ingest (PDF reading)"] = time.perf_counter() - t
    t = time.perf_counter()
    clauses = p.segment(document.blocks)
    out["segment"] = time.perf_counter() - t
    t = time.perf_counter()
    language = p.detect_language("\n".join(c.text for c in clauses))
    out["detect_language"] = time.perf_counter() - t
    t = time.perf_counter()
    p.split_sentences(clauses, language)
    out["split_sentences (annotate)"] = time.perf_counter() - t
    t = time.perf_counter()
    if analyser.classifier:
        analyser.classifier.score_clauses(clauses)
    out["classify (score_clauses)"] = time.perf_counter() - t
    t = time.perf_counter()
    verdicts = p.assess(clauses, analyser.library, analyser.thresholds if analyser.classifier else None)
    out["assess"] = time.perf_counter() - t
    t = time.perf_counter()
    p.tag_clauses(clauses, analyser.library, verdicts)
    out["tag_clauses"] = time.perf_counter() - t
    return out


def profile_pyinstrument(analyser, data: bytes, top: int) -> tuple[list[dict], list[dict], float, str, dict | None]:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    analyser.analyse_bytes(data, "long.pdf")
    profiler.stop()
    PROFILE_TXT.write_text(profiler.output_text(unicode=False, color=False, show_all=False), encoding="utf-8")
    root = profiler.last_session.root_frame()
    total = root.time if root else 0.0
    cum: dict[str, float] = {}
    self_t: dict[str, float] = {}

    def label(frame) -> str:
        path = frame.file_path_short or frame.file_path or "?"
        return f"{frame.function} ({path}:{frame.line_no})"

    def walk(frame, ancestors: frozenset) -> None:
        if frame.is_synthetic:
            return
        key = label(frame)
        if key not in ancestors:  # recursion counted once
            cum[key] = cum.get(key, 0.0) + frame.time
        self_t[key] = self_t.get(key, 0.0) + frame.total_self_time
        for c in frame.children:
            walk(c, ancestors | {key})

    def targets(frame) -> list:
        """The analyse_bytes frames; the sampler may split one call into several sibling nodes."""
        if frame.function == "analyse_bytes":
            return [frame]
        return [t for c in frame.children for t in targets(c)]

    found = targets(root) if root else []
    if found:
        for frame in found:
            walk(frame, frozenset())
        inside = sum(f.time for f in found)
        grouped: dict[str, float] = {}
        for c in root.children:
            if not c.is_synthetic and not targets(c):
                grouped[label(c)] = grouped.get(label(c), 0.0) + c.time
        strays = sorted(grouped.items(), key=lambda kv: -kv[1])[:4]
        self_root = root.total_self_time
        if self_root:
            strays.insert(0, ("[self] <thread root>", self_root))
        unplaced = {"seconds": total - inside, "frames": strays}
        total = inside
    else:
        unplaced = None
        if root:
            walk(root, frozenset())
    by_cum = sorted(cum.items(), key=lambda kv: -kv[1])[:top]
    by_self = sorted(self_t.items(), key=lambda kv: -kv[1])[:10]
    return ([{"function": k, "cumulative": v, "self": self_t.get(k, 0.0)} for k, v in by_cum],
            [{"function": k, "self": v} for k, v in by_self], total, "pyinstrument (sampling, 1 ms)", unplaced)


def profile_cprofile(analyser, data: bytes, top: int) -> tuple[list[dict], list[dict], float, str, dict | None]:
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    analyser.analyse_bytes(data, "long.pdf")
    prof.disable()
    total = time.perf_counter() - t0
    stats = pstats.Stats(prof)
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(60)
    PROFILE_TXT.write_text(buf.getvalue(), encoding="utf-8")

    def label(func) -> str:
        file, line, name = func
        return f"{name} ({file.replace(str(ROOT) + '/', '')}:{line})" if file != "~" else name

    rows = [(label(f), ct, tt) for f, (cc, nc, tt, ct, callers) in stats.stats.items()]
    by_cum = sorted(rows, key=lambda r: -r[1])[:top]
    by_self = sorted(rows, key=lambda r: -r[2])[:10]
    return ([{"function": f, "cumulative": c, "self": s} for f, c, s in by_cum],
            [{"function": f, "self": s} for f, _, s in by_self], total, "cProfile (deterministic; inflates call-heavy code)",
            None)


# ---------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measure (median reported)")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args()
    runs = args.runs

    manifest_path = INPUTS / "manifest.json"
    if not manifest_path.is_file():
        print("no inputs: run benchmarks/make_inputs.py first", file=sys.stderr)
        return 2
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    long_path, short_path = INPUTS / "long.pdf", INPUTS / "thirty.pdf"
    long_data, short_data = long_path.read_bytes(), short_path.read_bytes()
    long_pages, short_pages = manifest["long"]["pages"], manifest["thirty"]["pages"]
    r: dict = {"machine": machine(), "runs": runs}
    log(f"machine: {r['machine']['cpu']}, {r['machine']['usable_cpus']} usable CPUs")

    # --- start-up (fresh subprocesses) first, before this process warms anything further
    log("start-up, warm model cache ...")
    child(STARTUP_CODE)  # warm-up: page cache and model cache
    warm = [child(STARTUP_CODE) for _ in range(runs)]
    r["startup_warm"] = startup_summary(warm)
    log(f"  {r['startup_warm']['total']:.2f} s")

    log("start-up, cold (empty ANALYSER_CACHE_DIR) ...")
    cold = []
    for _ in range(max(1, min(runs, 2))):
        cache = tempfile.mkdtemp(prefix="analyser-cold-")
        try:
            cold.append(child(STARTUP_CODE, env={**os.environ, "ANALYSER_CACHE_DIR": cache}))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    r["startup_cold"] = startup_summary(cold)
    log(f"  {r['startup_cold']['total']:.2f} s")

    # --- peak memory (fresh subprocess)
    log("peak memory ...")
    mem, _ = child(MEMORY_CODE, str(long_path))
    r["memory"] = {"after_init_mb": mem["after_init_kb"] / 1024, "peak_mb": mem["peak_kb"] / 1024,
                   "pages": mem["pages"]}
    log(f"  {r['memory']['peak_mb']:.0f} MB")

    # --- CLI as a subprocess (includes start-up and JSON rendering)
    log("CLI on the long PDF ...")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        cmd = [str(CLI), "analyse", str(long_path), "--format", "json", "--output", str(out)]

        def run_cli():
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if proc.returncode != 0:
                raise RuntimeError(f"CLI failed ({proc.returncode}): {proc.stderr[-2000:]}")

        med, times, _ = timed(run_cli, runs, key="cli")
        r["cli"] = {"median": med, "runs": times, "pages_per_s": long_pages / med, "json_bytes": out.stat().st_size}
    log(f"  {med:.2f} s")

    # --- in-process measures with one warm Analyser
    log("Analyser() in this process ...")
    from analyser.errors import UnreadableFile
    from analyser.pipeline import Analyser

    analyser = Analyser()
    r["model_version"] = analyser.model_version

    log("raw pypdfium2 text extraction of the long PDF ...")
    med, times, chars = timed(lambda: raw_extract(long_data), runs, key="raw")
    r["raw"] = {"median": med, "runs": times, "pages_per_s": long_pages / med, "chars": chars}
    log(f"  {med:.3f} s")

    log("analyse_bytes on the long PDF ...")
    med, times, result = timed(lambda: analyser.analyse_bytes(long_data, "long.pdf"), runs, key="long")
    r["long"] = {"median": med, "runs": times, "pages_per_s": long_pages / med, "clauses": len(result.clauses),
                 "sentences": sum(len(c.sentences) for c in result.clauses), "language": result.language,
                 "requirements": len(result.requirements)}
    r["ratio"] = med / r["raw"]["median"]
    log(f"  {med:.2f} s, {r['long']['pages_per_s']:.1f} pages/s, {r['ratio']:.0f}x raw")

    log("analyse_bytes on the 30-page PDF ...")
    med, times, result = timed(lambda: analyser.analyse_bytes(short_data, "thirty.pdf"), max(runs, 5), key="short")
    r["short"] = {"median": med, "runs": times, "pages": short_pages, "requirements": len(result.requirements)}
    log(f"  {med:.2f} s")

    log("per-format throughput over the rendered corpus ...")
    r["formats"] = {}
    for fmt in ("pdf", "docx"):
        files = sorted((INPUTS / "corpus" / fmt).glob(f"*.{fmt}"))
        blobs = [(f.name, f.read_bytes()) for f in files]
        errors: list[str] = []

        def run_all():
            errors.clear()
            for name, blob in blobs:
                try:
                    analyser.analyse_bytes(blob, name)
                except UnreadableFile as exc:
                    errors.append(f"{name}: {exc.code}")

        med, times, _ = timed(run_all, runs, key=fmt)
        pages = sum(d["pages"] for d in manifest["documents"]) if fmt == "pdf" else None
        mb = sum(len(b) for _, b in blobs) / 1024 / 1024
        r["formats"][fmt] = {"documents": len(blobs), "pages": pages, "median": med, "runs": times,
                             "docs_per_s": len(blobs) / med, "pages_per_s": pages / med if pages else None,
                             "mb": mb, "errors": list(errors)}
        log(f"  {fmt}: {len(blobs)} documents in {med:.2f} s")

    log("stage timing of the long PDF ...")
    stage_runs = [stage_times(analyser, long_data, "long.pdf") for _ in range(runs)]
    r["stages"] = {k: statistics.median(s[k] for s in stage_runs) for k in stage_runs[0]}

    if not args.no_profile:
        log("profile of the long PDF ...")
        try:
            import pyinstrument  # noqa: F401
            prof = profile_pyinstrument
        except ImportError:
            prof = profile_cprofile
        by_cum, by_self, total, tool, unplaced = prof(analyser, long_data, 15)
        r["profile"] = {"tool": tool, "total": total, "by_cumulative": by_cum, "by_self": by_self,
                        "unplaced": unplaced}

    r["load"] = {"max": max(LOADS), "median": statistics.median(LOADS)}
    r["cpu"] = dict(CPU_TIMES)
    (HERE / ".inputs" / "results.json").write_text(json.dumps(r, indent=2, default=str), encoding="utf-8")
    RESULTS.write_text(render(r, manifest), encoding="utf-8")
    log(f"wrote {RESULTS}")
    return 0


# ---------------------------------------------------------------- report

def verdict(ok: bool) -> str:
    return "**met**" if ok else "**MISSED**"


def render(r: dict, manifest: dict) -> str:
    m = r["machine"]
    long_pages, short_pages = manifest["long"]["pages"], manifest["thirty"]["pages"]
    sw, sc, mem = r["startup_warm"], r["startup_cold"], r["memory"]
    checks = [
        ("Analyser / raw pypdfium2 time, long PDF", f"{r['ratio']:.1f}x", f"<= {TARGET_RATIO:.0f}x",
         r["ratio"] <= TARGET_RATIO),
        ("Start-up, warm model cache (import + `Analyser()`)", fmt_s(sw["total"]), f"< {TARGET_STARTUP_S:.0f} s",
         sw["total"] < TARGET_STARTUP_S),
        (f"Peak memory, {mem['pages']} pages (ru_maxrss)", f"{mem['peak_mb']:.0f} MB", f"< {TARGET_PEAK_MB:.0f} MB",
         mem["peak_mb"] < TARGET_PEAK_MB),
        (f"{short_pages}-page PDF, bytes -> verdicts, warm", fmt_s(r["short"]["median"]), f"< {TARGET_SHORT_S:.0f} s",
         r["short"]["median"] < TARGET_SHORT_S),
    ]
    met = [c for c in checks if c[3]]
    missed = [c for c in checks if not c[3]]
    L: list[str] = []
    L += ["# Benchmark results", "",
          f"Measured {m['date']} by `benchmarks/run.py` (median of {r['runs']} runs after one warm-up unless stated; "
          "wall-clock).", ""]
    load, cpus = r["load"], m.get("usable_cpus") or m.get("logical_cpus") or 1
    L += [f"Machine load during the run (1-minute load average sampled around each measure): median "
          f"{load['median']:.1f}, max {load['max']:.1f} on {cpus} usable CPUs."
          + (" **Other processes were competing for the CPUs.** CPU seconds are given next to wall-clock "
             "seconds where measured: where they are about equal (the analyser is single-threaded) the measure "
             "was not starved; where wall is well above CPU it was." if load["max"] > 0.5 * cpus + 1 else ""), ""]
    L += ["## Targets", "",
          f"{len(met)} of {len(checks)} targets met."
          + (" Missed: " + "; ".join(f"{c[0].split(' (')[0]} ({c[1]}, target {c[2]})" for c in missed) + "." if missed else ""),
          "", "| Target | Measured | Target | Status |", "|---|---|---|---|"]
    L += [f"| {name} | {value} | {target} | {verdict(ok)} |" for name, value, target, ok in checks]
    L += ["", "## Results", "", "| Measure | Result | Detail |", "|---|---|---|"]
    lg, raw, cli = r["long"], r["raw"], r["cli"]
    L.append(f"| `Analyser().analyse_bytes`, long PDF ({long_pages} pages) | **{lg['pages_per_s']:.1f} pages/s** "
             f"({fmt_s(lg['median'])}) | runs {fmt_runs(lg['runs'])} s; {lg['clauses']} clauses, "
             f"{lg['sentences']} sentences, language {lg['language']}; CPU {r['cpu']['long']:.2f} s |")
    L.append(f"| CLI `analyser analyse --format json`, long PDF (subprocess) | **{cli['pages_per_s']:.1f} pages/s** "
             f"({fmt_s(cli['median'])}) | runs {fmt_runs(cli['runs'])} s; includes interpreter start-up, "
             f"model load and JSON report ({cli['json_bytes'] / 1024:.0f} KB); CPU {r['cpu']['cli']:.2f} s |")
    L.append(f"| Raw pypdfium2 text, long PDF (`get_textpage().get_text_range()`) | **{raw['pages_per_s']:.0f} pages/s** "
             f"({fmt_s(raw['median'])}) | runs {fmt_runs(raw['runs'])} s; {raw['chars']:,} characters; "
             f"CPU {r['cpu']['raw']:.3f} s |")
    L.append(f"| Ratio analyser / raw | **{r['ratio']:.1f}x** | target <= {TARGET_RATIO:.0f}x; by CPU time "
             f"{r['cpu']['long'] / r['cpu']['raw']:.1f}x |")
    L.append(f"| Start-up, warm model cache | **{fmt_s(sw['total'])}** | import {sw['import']:.2f} s + "
             f"`Analyser()` {sw['construct']:.2f} s; whole subprocess incl. interpreter {sw['process_wall']:.2f} s; "
             f"runs {fmt_runs(sw['runs'])} s |")
    L.append(f"| Start-up, cold (empty `ANALYSER_CACHE_DIR`, model trained) | **{fmt_s(sc['total'])}** | import "
             f"{sc['import']:.2f} s + `Analyser()` {sc['construct']:.2f} s; whole subprocess {sc['process_wall']:.2f} s; "
             f"runs {fmt_runs(sc['runs'])} s (OS file cache warm) |")
    L.append(f"| Peak memory, analyse {mem['pages']} pages (fresh subprocess) | **{mem['peak_mb']:.0f} MB** | "
             f"{mem['after_init_mb']:.0f} MB after import + `Analyser()`; single run |")
    sh = r["short"]
    L.append(f"| {short_pages}-page PDF, bytes -> verdicts, warm `Analyser` | **{fmt_s(sh['median'])}** | "
             f"{short_pages / sh['median']:.1f} pages/s; median of {len(sh['runs'])} runs ({fmt_runs(sh['runs'])} s) |")
    for fmt, f in r["formats"].items():
        pages = f"{f['pages']} pages, {f['pages_per_s']:.1f} pages/s; " if f["pages"] else ""
        errs = f"; **{len(f['errors'])} unreadable**: {', '.join(f['errors'][:5])}" if f["errors"] else ""
        L.append(f"| Corpus as {fmt.upper()}: {f['documents']} documents ({f['mb']:.1f} MB) | "
                 f"**{f['docs_per_s']:.2f} documents/s** ({fmt_s(f['median'])}) | {pages}runs {fmt_runs(f['runs'])} s{errs} |")

    L += ["", "## Where the time goes", ""]
    total_stages = sum(r["stages"].values())
    L += [f"Stages of `analyse_bytes` on the long PDF, timed separately (median of {r['runs']}; sum "
          f"{total_stages:.2f} s vs {lg['median']:.2f} s end-to-end):", "",
          "| Stage | Seconds | Share |", "|---|---|---|"]
    for name, secs in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        L.append(f"| {name} | {secs:.2f} | {100 * secs / total_stages:.0f}% |")
    if "profile" in r:
        p = r["profile"]
        L += ["", f"Top 15 functions by cumulative time, one profiled run of the long PDF with {p['tool']} "
              f"({p['total']:.2f} s profiled; full output in `benchmarks/{PROFILE_TXT.name}`):", "",
              "| # | Function | Cumulative s | % | Self s |", "|---|---|---|---|---|"]
        for i, row in enumerate(p["by_cumulative"], 1):
            L.append(f"| {i} | `{row['function']}` | {row['cumulative']:.2f} | "
                     f"{100 * row['cumulative'] / p['total']:.0f}% | {row['self']:.2f} |")
        L += ["", "Top 10 by self time (time in the function's own code, including C calls it makes):", "",
              "| Function | Self s | % |", "|---|---|---|"]
        for row in p["by_self"]:
            L.append(f"| `{row['function']}` | {row['self']:.2f} | {100 * row['self'] / p['total']:.0f}% |")
        if p.get("unplaced") and p["unplaced"]["seconds"] > 0.05:
            u = p["unplaced"]
            L += ["", f"The sampler also recorded {u['seconds']:.2f} s it could not attach to `analyse_bytes` "
                  "(frames at the thread root: " + ", ".join(f"`{f}` {t:.2f} s" for f, t in u["frames"])
                  + "). These are spaCy's Cython frames (sentence splitting) cut loose from their caller, so "
                  "`split_sentences` is under-counted in the tables above and profiling overhead inflates it (about 3-4x in a separate check); "
                  "the stage timings (no profiler) are the reliable shares."]

    L += ["", "## Inputs", "",
          f"- Long PDF: {long_pages} pages, {manifest['long']['bytes'] / 1024 / 1024:.1f} MB, "
          f"{manifest['long']['documents_joined']} corpus documents joined (in path order, so mostly `en/`) and rendered "
          "once with `analyser.render.render_pdf`.",
          f"- Short PDF: {short_pages} pages from the start of the joined corpus.",
          f"- Corpus: {len(manifest['documents'])} Markdown documents from `{manifest['corpus']}`, each rendered to PDF "
          "and DOCX (`render_pdf`, `render_docx`).",
          "- Built by `benchmarks/make_inputs.py` into `benchmarks/.inputs/` (git-ignored).", ""]
    L += ["## Machine", "",
          f"- CPU: {m['cpu']}; {m['logical_cpus']} logical CPUs"
          + (f", {m['physical_cores']} physical cores" if m.get("physical_cores") else "")
          + (f", {m['usable_cpus']} usable by this process" if m.get("usable_cpus") else ""),
          f"- RAM: {m['ram_gb']:.1f} GB" + (f" (cgroup limit {m['cgroup_memory_limit']})" if m.get("cgroup_memory_limit") else ""),
          f"- OS: {m['os']}",
          f"- Python: {m['python']}",
          "- Packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()),
          f"- Model: {r.get('model_version')}",
          f"- Code: git {m['git']}" if m.get("git") else "- Code: (no git information)",
          f"- Date: {m['date']}", ""]
    return "\n".join(L)


if __name__ == "__main__":
    sys.exit(main())
