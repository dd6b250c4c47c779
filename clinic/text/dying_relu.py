"""Dying ReLU page."""

TEXT = {
    "dying_relu.intro": (
        "**Symptom.** A ReLU unit outputs max(0, z). If its pre-activation z is below 0 for every input, it "
        "outputs 0 everywhere — and since ReLU is flat there, its derivative is 0 too: no gradient reaches the "
        "unit's weights, so nothing can ever bring it back. The unit is dead. When most or all hidden units die, "
        "the network's output no longer depends on the input and the loss stops at the level of guessing.\n\n"
        "**Causes.** Anything that pushes z below 0 for all inputs at once: a learning rate so large that a few "
        "updates throw the weights and biases far to the negative side, or biases that start negative.\n\n"
        "**Fix from the lecture.** Leaky ReLU: below 0 it keeps a small slope (a·z), so a unit that has drifted "
        "there still gets a gradient and can come back. Beyond the lecture's fix, a third column removes the "
        "cause itself: a smaller learning rate, or He initialization.",
        "**Dấu hiệu.** Một nút ReLU cho ra max(0, z). Nếu tiền kích hoạt z của nút nhỏ hơn 0 với mọi đầu vào, "
        "nút cho ra 0 ở mọi nơi — và vì ReLU nằm ngang ở đó nên đạo hàm cũng bằng 0: không có gradient nào tới "
        "được trọng số của nút, nên không gì kéo nó trở lại được. Nút đã chết. Khi phần lớn hoặc toàn bộ nút ẩn "
        "chết, đầu ra của mạng không còn phụ thuộc vào đầu vào và hàm lỗi dừng ở mức đoán mò.\n\n"
        "**Nguyên nhân.** Bất cứ điều gì đẩy z xuống dưới 0 với mọi đầu vào: hệ số học lớn đến mức vài bước cập "
        "nhật ném trọng số và bias về phía âm, hoặc bias được khởi tạo âm.\n\n"
        "**Cách khắc phục trong bài giảng.** Dùng Leaky ReLU: phía dưới 0 hàm vẫn giữ một độ dốc nhỏ (a·z), nên "
        "nút đã trôi vào đó vẫn nhận được gradient và có thể hồi phục. Ngoài cách của bài giảng, cột thứ ba loại "
        "bỏ chính nguyên nhân: hệ số học nhỏ hơn, hoặc khởi tạo He."),
    # the case control
    "dying_relu.ctl.case": ("Cause", "Nguyên nhân"),
    "dying_relu.case.lr": ("Learning rate too large", "Hệ số học quá lớn"),
    "dying_relu.case.bias": ("Negative initial bias", "Bias khởi tạo âm"),
    "dying_relu.cause.lr": (
        "**Learning rate too large.** With RMSprop at a large rate (1 by default), the first updates are huge: "
        "within a few epochs they push unit after unit so far that z < 0 for every point. Watch the share of dead"
        " units jump early on, and the histogram of z pile up left of 0 as you scrub through the epochs. At "
        "epoch 100 the rate drops tenfold, and this is the telling moment: the dead ReLU units stay dead — no "
        "gradient can ever reach them again — while Leaky ReLU's units, which kept a small gradient all along, "
        "settle and fit. A smaller rate from the start removes the cause.",
        "**Hệ số học quá lớn.** Với RMSprop và hệ số học lớn (mặc định là 1), những bước cập nhật đầu tiên rất "
        "lớn: chỉ sau vài epoch, hết nút này đến nút khác bị đẩy xa đến mức z < 0 với mọi điểm. Hãy xem tỉ lệ nút"
        " chết tăng vọt ngay từ đầu, và histogram của z dồn về bên trái số 0 khi kéo qua các epoch. Ở epoch 100 "
        "hệ số học giảm mười lần, và đây là lúc đáng xem nhất: các nút ReLU đã chết vẫn chết — không gradient nào "
        "còn đến được chúng — trong khi các nút Leaky ReLU, vốn luôn giữ một gradient nhỏ, ổn định lại và khớp dữ "
        "liệu. Dùng hệ số học nhỏ ngay từ đầu thì loại bỏ được nguyên nhân."),
    "dying_relu.cause.bias": (
        "**Negative bias at the start.** The weights start small (σ = 0.1) and every bias at −1 (by default), so "
        "z = w·x − 1 is below 0 for every input from the first epoch on: the units are born dead and never get a "
        "gradient. Leaky ReLU lets a gradient through the negative side. He initialization draws larger weights "
        "(σ = √(2 / fan-in)), so z spreads to both sides of 0 despite the bias and most units see some inputs "
        "above 0.",
        "**Bias âm ngay từ đầu.** Trọng số khởi tạo nhỏ (σ = 0,1) và mọi bias bằng −1 (mặc định), nên z = w·x − 1"
        " nhỏ hơn 0 với mọi đầu vào ngay từ epoch đầu tiên: các nút chết từ lúc sinh ra và không bao giờ nhận "
        "được gradient. Leaky ReLU cho gradient đi qua phía âm. Khởi tạo He lấy trọng số lớn hơn (σ = √(2 / fan-"
        "in)), nên z trải ra cả hai phía của 0 dù có bias âm, và phần lớn các nút có một số đầu vào cho z lớn hơn"
        " 0."),
    # controls
    "dying_relu.ctl.fix_lr": ("Learning rate (fix: smaller rate)", "Hệ số học (khắc phục: nhỏ hơn)"),
    "dying_relu.ctl.bias": ("Initial bias of every unit", "Bias khởi tạo của mọi nút"),
    "dying_relu.ctl.slope": ("Leaky ReLU slope below 0 (fix)", "Độ dốc Leaky ReLU phía dưới 0 (khắc phục)"),
    "dying_relu.ctl.width": ("Hidden units", "Số nút ẩn"),
    # variant headers and subtitles
    "dying_relu.v.lr.problem": ("Problem: learning rate too large", "Vấn đề: hệ số học quá lớn"),
    "dying_relu.v.bias.problem": ("Problem: negative initial bias", "Vấn đề: bias khởi tạo âm"),
    "dying_relu.v.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "dying_relu.v.smaller_lr": ("Smaller learning rate", "Hệ số học nhỏ hơn"),
    "dying_relu.v.he_init": ("He initialization", "Khởi tạo He"),
    "dying_relu.s.problem": ("ReLU · {optimizer}, rate {lr:g} · bias {bias:g} · {width} units",
                             "ReLU · {optimizer}, hệ số học {lr:g} · bias {bias:g} · {width} nút"),
    "dying_relu.s.drop": (" · rate ÷{factor} at epoch {every}", " · hệ số học ÷{factor} ở epoch {every}"),
    "dying_relu.s.leaky_relu": ("max(a·z, z) with a = {slope:g}", "max(a·z, z) với a = {slope:g}"),
    "dying_relu.s.smaller_lr": ("rate {lr:g} — beyond the lecture", "hệ số học {lr:g} — ngoài bài giảng"),
    "dying_relu.s.he_init": ("weights σ = √(2 / fan-in), bias {bias:g} — beyond the lecture",
                             "trọng số σ = √(2 / fan-in), bias {bias:g} — ngoài bài giảng"),
    # chart marks
    "dying_relu.zone.relu": ("ReLU: output 0, gradient 0", "ReLU: đầu ra 0, gradient 0"),
    "dying_relu.zone.leaky": ("Leaky ReLU: slope {slope:g}", "Leaky ReLU: độ dốc {slope:g}"),
    "dying_relu.hist_title": ("epoch {epoch} · {share:.0%} of z below 0", "epoch {epoch} · {share:.0%} giá trị z < 0"),
    # under the columns
    "dying_relu.fix.leaky": (
        "Use Leaky ReLU, which keeps a small slope below 0, so no unit loses its gradient for good.",
        "Dùng Leaky ReLU, vẫn giữ một độ dốc nhỏ phía dưới 0, nên không nút nào mất gradient vĩnh viễn."),
    "dying_relu.note": (
        "**Reading the charts.** A unit counts as dead when it outputs 0 for every training point. The histogram "
        "pools z of every hidden unit on every training point at the chosen epoch: for ReLU everything in the "
        "grey region becomes 0. A unit can have part of its values there and still live; it dies when all of "
        "them are. Compared with the lecture, the smaller learning rate and He initialization are extra columns: "
        "they avoid the cause instead of changing the activation.",
        "**Cách đọc biểu đồ.** Một nút được tính là chết khi nó cho ra 0 với mọi điểm huấn luyện. Histogram gộp "
        "giá trị z của mọi nút ẩn trên mọi điểm huấn luyện tại epoch đang chọn: với ReLU, mọi giá trị trong vùng "
        "xám đều thành 0. Một nút có thể có một phần giá trị ở đó mà vẫn sống; nó chết khi toàn bộ giá trị nằm ở "
        "đó. So với bài giảng, hệ số học nhỏ hơn và khởi tạo He là các cột bổ sung: chúng tránh nguyên nhân thay "
        "vì đổi hàm kích hoạt."),
}
