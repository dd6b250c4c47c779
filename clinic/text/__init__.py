"""Translation tables, one module per area: each defines TEXT = {key: (english, vietnamese)}."""
