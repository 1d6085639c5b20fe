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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .errors import AnalyserError
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
