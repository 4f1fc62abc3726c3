"""``ita-desktop``: the window by default, or a subcommand (import, export, render, new-year, reports).

Every failure the clerk can cause ends in one clear line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from ita_desktop import __version__
from ita_desktop.errors import UserError
from ita_desktop.i18n import set_language

COMMANDS = ("import", "export", "render", "new-year", "reports")
EXIT_USER_ERROR = 2


def _command_modules() -> dict[str, ModuleType]:
    """Subcommand → its module (add_arguments, run), imported here so the window's start-up skips them."""
    from ita_desktop.cli import export_cmd, import_cmd, new_year_cmd, render_cmd, reports_cmd

    return {"import": import_cmd, "export": export_cmd, "render": render_cmd, "new-year": new_year_cmd,
            "reports": reports_cmd}


def _command_parser(modules: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita-desktop", description="ITA measures report: edit and print, offline.")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module in modules.items():
        module.add_arguments(sub.add_parser(name, help=module.__doc__.splitlines()[0]))
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita-desktop", description="Open the ITA Desktop window.",
                                     epilog=f"Commands: {', '.join(COMMANDS)} (ita-desktop COMMAND --help).")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("file", nargs="?", help="a .ita report file to open")
    parser.add_argument("--demo", action="store_true", help="open the built-in sample report")
    return parser


def main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in COMMANDS:
            set_language()  # a command speaks the environment's language (ITA_DESKTOP_LANG, the locale)
            modules = _command_modules()
            args = _command_parser(modules).parse_args(argv)
            return modules[args.command].run(args)
        args = _gui_parser().parse_args(argv)
        from ita_desktop.ui.launch import launch

        return launch(args)
    except UserError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
