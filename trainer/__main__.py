"""`python -m trainer` does what `fact-trainer` does."""

import sys

from trainer.cli import main

sys.exit(main())
