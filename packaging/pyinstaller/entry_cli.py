"""The console executable (ita-desktop-cli): import, render, export, new-year, and the window too."""

import sys

from ita_desktop.__main__ import main

sys.exit(main())
