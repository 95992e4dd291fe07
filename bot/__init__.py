"""Everything Telegram: the PTB application, handlers, rendering, delivery and scheduled jobs.

PTB 22.2+ is moving time periods (`RetryAfter.retry_after` among them) from int seconds to
`datetime.timedelta`. Until its next major version it returns ints and emits a
PTBDeprecationWarning whenever one is read, and `RetryAfter.__init__` reads its own value, so every
429 from Telegram warns however our code reads it. The documented way to be ready is PTB's
`PTB_TIMEDELTA` switch, read by PTB at each access: this package opts the process in (an explicit
`PTB_TIMEDELTA=false` is respected), so every Telegram 429 arrives as a timedelta, as it will in
PTB 23. Code that reads a time period takes both forms (bot.courier's `_seconds`).
"""

import os

os.environ.setdefault("PTB_TIMEDELTA", "true")
