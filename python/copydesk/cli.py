"""The ``copydesk`` command: runs the Rust command-line tool shipped in the extension module."""

from __future__ import annotations

import sys

from copydesk._copydesk import run_cli


def _format(args: list[str]) -> tuple[str, list[str]]:
    """The ``--format`` value (default "jsonl") and the arguments without a ``--format jsonl``."""
    for i, a in enumerate(args):
        if a == "--":
            break
        value = a.split("=", 1)[1] if a.startswith("--format=") else None
        if a == "--format" and i + 1 < len(args):
            value = args[i + 1]
        if value is not None:
            if value == "jsonl":
                end = i + 1 if a.startswith("--format=") else i + 2
                return "jsonl", args[:i] + args[end:]
            return value, args
    return "jsonl", args


def main(argv: list[str] | None = None) -> int:
    """Run ``copydesk`` with ``argv`` (default: ``sys.argv[1:]``) and return its exit code.

    ``--format jsonl`` (the default) runs the Rust tool; ``--format parquet -o DIR`` writes one
    Parquet file per table into DIR (needs pyarrow).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    sys.stdout.flush()
    fmt, args = _format(args)
    if fmt == "parquet":
        from copydesk.parquet_cli import run_parquet

        return run_parquet(args)
    if fmt != "jsonl":
        print(f"copydesk: error: --format must be jsonl or parquet, not {fmt!r}", file=sys.stderr)
        return 2
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
