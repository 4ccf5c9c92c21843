"""Words shared by every area: table and value names are in ``dashboard.reference``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app_name": ("thidua – Theo dõi thi đua, khen thưởng", "thidua – Emulation campaign tracker"),
}
