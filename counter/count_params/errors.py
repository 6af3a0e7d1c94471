"""The one error the counter raises: a config or an option it cannot count exactly."""

from __future__ import annotations


class ConfigError(ValueError):
    """The config cannot be counted: an unknown model_type, a missing key or an
    unsupported option. ``key`` names the config key at fault (None when none does)."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key
