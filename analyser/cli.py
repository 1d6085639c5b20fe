"""Command line: `analyser analyse FILE... [--format json|markdown|csv] [--output PATH]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE = 0, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analyser", description="Check AI vendors' terms against procurement requirements.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyse = sub.add_parser("analyse", help="analyse vendor documents (PDF, DOCX, Markdown, text, HTML)")
    analyse.add_argument("files", nargs="+", metavar="FILE")
    analyse.add_argument("--format", choices=["json", "markdown", "csv"], default="json")
    analyse.add_argument("--output", metavar="PATH", help="write the report here instead of standard output")
    analyse.add_argument("--library", metavar="DIR", help="a requirements library folder (default: the bundled one)")
    analyse.add_argument("--language", choices=["auto", "nl", "en"], default="auto")
    analyse.add_argument("--supplier", metavar="NAME", help="also judge the files together as one supplier's set")

    batch = sub.add_parser("batch", help="analyse every supported file below a folder (or matching a glob)")
    batch.add_argument("target", metavar="DIR_OR_GLOB")
    batch.add_argument("--jobs", type=int, default=1, help="worker processes on this machine (default 1)")
    batch.add_argument("--output", required=True, metavar="PATH", help="results (JSON Lines); reused to resume")
    batch.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                       help="csv: also write PATH with .csv, one row per requirement per file")
    batch.add_argument("--library", metavar="DIR")
    batch.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on a Dask cluster (pip install dask[distributed])")

    load = sub.add_parser("import", help="load batch results into the dashboard's database (supplier = folder name)")
    load.add_argument("results", metavar="RESULTS.jsonl")
    load.add_argument("--database", metavar="URL", help="default: the dashboard's (ANALYSER_DATABASE_URL or data/)")

    backup = sub.add_parser("backup", help="copy the whole database (suppliers, analyses, reviews) to a file")
    backup.add_argument("target", metavar="FILE")
    backup.add_argument("--database", metavar="URL")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    restore = sub.add_parser("restore", help="replace the database with a backup made by `analyser backup`")
    restore.add_argument("source", metavar="FILE")
    restore.add_argument("--database", metavar="URL")
    return parser


def _batch(args) -> int:
    from .batch import rows, run_batch, to_csv

    if args.jobs < 1:
        print("error [bad_usage]: --jobs must be 1 or more.", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            print("error [missing_dask]: --scheduler needs Dask: .venv/bin/pip install 'dask[distributed]'",
                  file=sys.stderr)
            return EXIT_USAGE
    output = Path(args.output)
    summary = run_batch(args.target, output, jobs=args.jobs, library=args.library, scheduler=args.scheduler)
    if args.format == "csv":
        output.with_suffix(".csv").write_text(to_csv(rows(output)), encoding="utf-8")
    print(summary.text(), file=sys.stderr)
    for name in summary.error_files:
        print(f"  could not be read: {name}", file=sys.stderr)
    return EXIT_UNREADABLE if summary.errors else EXIT_OK


def _store_command(args) -> int:
    from .store import Store

    store = Store(args.database)
    if args.command == "import":
        from .batch import import_into_store, rows

        results = rows(Path(args.results))
        count = import_into_store(results, store)
        skipped = len(results) - count
        print(f"{count} documents loaded into {store.url}"
              + (f"; {skipped} files that could not be read were left out" if skipped else ""), file=sys.stderr)
    elif args.command == "backup":
        print(f"backup written to {store.backup(args.target, overwrite=args.force)}", file=sys.stderr)
    else:
        kept = store.restore(args.source)
        print(f"database restored from {args.source}; the previous database was kept as {kept}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .errors import AnalyserError

    try:
        if args.command == "batch":
            return _batch(args)
        if args.command in ("import", "backup", "restore"):
            return _store_command(args)
    except AnalyserError as exc:
        print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"error [{args.command}_failed]: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from .pipeline import Analyser
    from .report import RENDERERS

    try:
        analyser = Analyser(library=args.library, language=args.language)
    except AnalyserError as exc:
        print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    report = analyser.analyse(args.files, supplier=args.supplier)
    output = RENDERERS[args.format](report)
    if args.output:
        try:
            Path(args.output).write_text(output, encoding="utf-8")
        except OSError as exc:
            print(f"error [cannot_write]: the report could not be written to {args.output}: {exc.strerror}. "
                  "Choose another folder or file name.", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(output)
    for error in report.errors:
        print(f"error [{error.code}]: {error.message}", file=sys.stderr)
    return EXIT_UNREADABLE if report.errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
