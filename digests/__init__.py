"""Everything news: fetching, Arabic analysis, condensing, storage and search. Never imports bot/."""
