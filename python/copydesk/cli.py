"""The ``copydesk`` command: runs the Rust command-line tool shipped in the extension module."""

from __future__ import annotations

import sys

from copydesk._copydesk import run_cli


def main(argv: list[str] | None = None) -> int:
    """Run ``copydesk`` with ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    sys.stdout.flush()
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
