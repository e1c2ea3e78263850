"""``python -m attribution`` is the ``attribution`` command."""
import sys

from .cli import main

sys.exit(main())
