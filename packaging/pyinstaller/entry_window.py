"""The window's executable (ita-desktop): no console on Windows, so messages reach a box."""

import sys

from ita_desktop.windowed import main

sys.exit(main())
