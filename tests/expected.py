"""The tiny fixture's numbers, counted by hand from ``tests/fixtures/tiny`` (see its README)."""

STATUS_ZEROS = {"de_xuat": 0, "hoi_dong": 0, "da_trinh": 0, "trinh_tw": 0, "tra_lai": 0,
                "da_khen_thuong": 0, "khong_khen_thuong": 0}


def unit(code, staff_total, staff_registered, c_met, c_eval, c_pct, i_met, i_eval, i_pct,
         complete):
    return {"unit_code": code, "staff_total": staff_total, "staff_registered": staff_registered,
            "collective_met": c_met, "collective_evaluated": c_eval,
            "collective_fulfilment_pct": c_pct, "individual_met": i_met,
            "individual_evaluated": i_eval, "individual_fulfilment_pct": i_pct,
            "completeness_pct": complete}


# Default as-of: today clipped to the latest date in the data, HS03's decision on 2026-06-15.
SUMMARY_DEFAULT = {
    "campaign_code": "TD25", "as_of": "2026-06-15", "period": "2025-12",
    "staff_total": 6, "staff_registered": 5, "staff_participation_pct": 83.3,
    "units_total": 3, "units_registered": 2, "unit_participation_pct": 66.7,
    "units": [
        unit("BTCD", 1, 0, 0, 0, None, 0, 0, None, None),
        unit("KT", 3, 3, 2, 2, 100.0, 5, 6, 83.3, 100.0),
        unit("TH", 2, 2, 2, 2, 100.0, 2, 2, 100.0, 66.7),
    ],
    "nominations_total": 3,
    "nominations_by_status": {**STATUS_ZEROS, "hoi_dong": 1, "da_khen_thuong": 1,
                              "khong_khen_thuong": 1},
    "nominations_by_award": {"BKTTG": {"total": 1, "da_khen_thuong": 0},
                             "BKCT": {"total": 1, "da_khen_thuong": 1},
                             "GKVP": {"total": 1, "da_khen_thuong": 0}},
}

# Inside the campaign: end of November 2025 (CB03 registers on 05/12, BTCD never).
SUMMARY_2025_11_30 = {
    "campaign_code": "TD25", "as_of": "2025-11-30", "period": "2025-11",
    "staff_total": 6, "staff_registered": 4, "staff_participation_pct": 66.7,
    "units_total": 3, "units_registered": 2, "unit_participation_pct": 66.7,
    "units": [
        unit("BTCD", 1, 0, 0, 0, None, 0, 0, None, None),
        unit("KT", 3, 2, 1, 2, 50.0, 3, 4, 75.0, 100.0),
        unit("TH", 2, 2, 1, 1, 100.0, 1, 3, 33.3, 66.7),
    ],
    "nominations_total": 0,
    "nominations_by_status": STATUS_ZEROS,
    "nominations_by_award": {},
}

# HS01 was returned on 24/02 and resubmitted on 02/03; HS03 proposed on 10/02.
NOMINATIONS_BY_STATUS = {
    "2026-01-29": {**STATUS_ZEROS, "de_xuat": 1},
    "2026-02-25": {**STATUS_ZEROS, "de_xuat": 1, "hoi_dong": 1, "tra_lai": 1},
    "2026-03-05": {**STATUS_ZEROS, "de_xuat": 1, "hoi_dong": 1, "da_trinh": 1},
}
