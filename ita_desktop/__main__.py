"""Entry point: ``ita-desktop`` and ``python -m ita_desktop``."""

import sys


def main(argv: list[str] | None = None) -> int:
    from ita_desktop.cli.main import main as cli_main
    from ita_desktop.console_streams import make_streams_thai_safe

    make_streams_thai_safe()
    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
