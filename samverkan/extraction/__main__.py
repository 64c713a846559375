"""`python -m samverkan.extraction FILE...`: the extract command without the console script."""

import sys

from samverkan.extraction.cli import main

sys.exit(main())
