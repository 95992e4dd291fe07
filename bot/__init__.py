"""Everything Telegram: the PTB application, handlers, rendering, delivery and scheduled jobs."""
