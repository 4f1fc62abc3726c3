"""``ita-desktop``: the window by default, or a subcommand (import, export, render, new-year).

Every failure the clerk can cause ends in one clear line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ita_desktop import __version__
from ita_desktop.errors import UserError

# subcommand → module under ita_desktop.commands
COMMANDS = {
    "import": "import_cmd",
    "export": "export_cmd",
    "render": "render_cmd",
    "new-year": "new_year_cmd",
}
EXIT_USER_ERROR = 2


def _command_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = argparse.ArgumentParser(prog="ita-desktop", description="ITA measures report: edit and print, offline.")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(f"ita_desktop.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ita_desktop.commands.{module_name}":
                raise
            continue  # not built yet
        module.add_arguments(sub.add_parser(name, help=module.__doc__.splitlines()[0]))
        modules[name] = module
    return parser, modules


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
            parser, modules = _command_parser()
            args = parser.parse_args(argv)
            return modules[args.command].run(args)
        args = _gui_parser().parse_args(argv)
        from ita_desktop.ui.launch import launch

        return launch(args)
    except UserError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
