"""Who registered for the campaign, and when: every unit, and 92–98% of staff.

Units register 10–31/10/2025; staff ~15% early, ~80% in the main window 20/11–10/12/2025 and
~5% late (to 9/1/2026); those who never register (long leave, new hires, retiring) are never
leaders. Each registration carries a commitment in the words of a real plan.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from thidua.sample.plan import COLLECTIVE, INDIVIDUAL, Person, Unit, workdays

UNIT_COMMITMENTS = (
    "Tập thể đăng ký hoàn thành xuất sắc nhiệm vụ, 100% cán bộ tham gia đợt thi đua.",
    "Hoàn thành đúng hạn 100% nhiệm vụ được giao, không có hồ sơ, văn bản trễ hạn.",
    "Xây dựng đơn vị trong sạch, vững mạnh; không có cán bộ vi phạm kỷ luật, kỷ cương.",
    "Đẩy mạnh chuyển đổi số, 100% văn bản được xử lý trên môi trường điện tử.",
    "Hoàn thành xuất sắc nhiệm vụ chính trị, lập thành tích chào mừng Đại hội XIV của Đảng.",
)
STAFF_COMMITMENTS = (
    "Hoàn thành xuất sắc nhiệm vụ được giao, không để văn bản trễ hạn.",
    "Chấp hành nghiêm kỷ luật, kỷ cương hành chính và quy chế làm việc của cơ quan.",
    "Nâng cao chất lượng tham mưu, tổng hợp; hoàn thành đúng hạn nhiệm vụ được giao.",
    "Phấn đấu có ít nhất một sáng kiến, giải pháp cải tiến quy trình làm việc.",
    "Gương mẫu thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Xử lý 100% hồ sơ công việc trên môi trường mạng, đúng quy trình, đúng thời hạn.",
    "Tận tâm phục vụ người dân, doanh nghiệp; không để xảy ra phản ánh, kiến nghị.",
)
_POSITION_COMMITMENTS = {
    "Lái xe": "Bảo đảm an toàn tuyệt đối người và phương tiện, phục vụ kịp thời công tác.",
    "Bảo vệ": "Bảo đảm an ninh, trật tự, an toàn tài sản và trụ sở cơ quan.",
    "Nhân viên phục vụ": "Phục vụ chu đáo các hội nghị, cuộc họp; giữ gìn trụ sở sạch đẹp.",
}


def make_registrations(
    units: Sequence[Unit], staff: Sequence[Person], rng: random.Random
) -> tuple[dict[str, dt.date], dict[str, dt.date], dict[str, list]]:
    unit_days = workdays(dt.date(2025, 10, 10), dt.date(2025, 10, 31))
    early = workdays(dt.date(2025, 10, 5), dt.date(2025, 11, 19))
    main = workdays(dt.date(2025, 11, 20), dt.date(2025, 12, 10))
    late = workdays(dt.date(2025, 12, 11), dt.date(2026, 1, 9))
    unit_reg = {u.code: rng.choice(unit_days) for u in units}
    # 92–98% of staff register; the others (long leave, new hires, retiring) are never leaders.
    share = rng.uniform(0.935, 0.965)
    n_out = len(staff) - round(len(staff) * share)
    absent = {p.code for p in rng.sample([p for p in staff if p.rank == 2], n_out)}
    # ~15% early, ~80% in the main window 20/11–10/12, ~5% stragglers (shares exact, who random).
    present = [p.code for p in staff if p.code not in absent]
    order = rng.sample(present, len(present))
    n_early, n_late = round(len(order) * 0.15), round(len(order) * 0.05)
    windows = {code: early if k < n_early else late if k >= len(order) - n_late else main
               for k, code in enumerate(order)}
    staff_reg = {code: rng.choice(windows[code]) for code in present}
    cols: dict[str, list] = {"subject_type": [], "subject_code": [], "registered_on": [],
                             "commitment": []}
    for u in units:
        cols["subject_type"].append(COLLECTIVE)
        cols["subject_code"].append(u.code)
        cols["registered_on"].append(unit_reg[u.code])
        cols["commitment"].append(rng.choice(UNIT_COMMITMENTS))
    for p in staff:
        if p.code not in staff_reg:
            continue
        cols["subject_type"].append(INDIVIDUAL)
        cols["subject_code"].append(p.code)
        cols["registered_on"].append(staff_reg[p.code])
        cols["commitment"].append(_POSITION_COMMITMENTS.get(p.position)
                                  or rng.choice(STAFF_COMMITMENTS))
    return unit_reg, staff_reg, cols

