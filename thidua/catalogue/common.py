"""Words shared by every area: table and value names are in ``thidua.contract.reference``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "bool_yes": ("Có", "Yes"),
    "bool_no": ("Không", "No"),
    "app_name": ("thidua – Theo dõi thi đua, khen thưởng", "thidua – Emulation campaign tracker"),
}
