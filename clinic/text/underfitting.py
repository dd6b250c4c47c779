"""Underfitting page."""

TEXT = {
    "underfitting.intro": (
        "**Symptom.** The training loss and the validation loss both stay high, close together, and soon stop "
        "falling: the network does no better on the points it trains on than on new ones, because it cannot fit "
        "either. Its boundary (or curve) is simpler than the data.\n\n"
        "**Causes and fixes from the lecture.** (1) Too few parameters: add hidden units or layers. (2) An L2 "
        "penalty so strong that the weights cannot grow: make it smaller, or drop it. (3) An output that cannot "
        "reach the targets — a sigmoid output, always between 0 and 1, on a regression whose targets go above 1: "
        "use an output whose range fits, a linear one. Pick a cause below; every column trains the same data from "
        "the same seed, and only the named change differs.",
        "**Dấu hiệu.** Hàm lỗi huấn luyện và hàm lỗi kiểm định đều cao, sát nhau và sớm ngừng giảm: mạng làm "
        "trên dữ liệu đã học cũng không tốt hơn trên dữ liệu mới, vì nó không khớp được cả hai. Ranh giới quyết "
        "định (hay đường cong) của mạng đơn giản hơn dữ liệu.\n\n"
        "**Nguyên nhân và cách khắc phục trong bài giảng.** (1) Quá ít tham số: tăng số nút ẩn hoặc số lớp. "
        "(2) Hệ số L2 lớn đến mức trọng số không thể lớn lên: giảm hệ số L2 hoặc bỏ hẳn. (3) Tập giá trị đầu ra "
        "bất khả thi — đầu ra sigmoid luôn nằm giữa 0 và 1, trong khi bài toán hồi quy có giá trị mục tiêu lớn "
        "hơn 1: dùng đầu ra có tập giá trị phù hợp, tức đầu ra tuyến tính. Hãy chọn một nguyên nhân bên dưới; "
        "mỗi cột huấn luyện trên cùng dữ liệu với cùng seed, chỉ khác ở thay đổi được ghi."),
    # the case control
    "underfitting.ctl.case": ("Cause", "Nguyên nhân"),
    "underfitting.case.capacity": ("Too few parameters", "Quá ít tham số"),
    "underfitting.case.l2": ("L2 too strong", "L2 quá mạnh"),
    "underfitting.case.output": ("Sigmoid output, targets above 1", "Đầu ra sigmoid, mục tiêu lớn hơn 1"),
    "underfitting.cause.capacity": (
        "**Too few parameters.** One hidden ReLU unit can only split the plane with one straight cut, but here one "
        "ring of points lies inside the other, and no straight line separates them. The accuracy stays near "
        "guessing however long it trains. More units — or a second layer — can draw a closed curve around the "
        "inner ring.",
        "**Quá ít tham số.** Một nút ẩn ReLU chỉ cắt mặt phẳng bằng một đường thẳng, trong khi ở đây một vòng "
        "điểm nằm bên trong vòng kia và không đường thẳng nào tách được chúng. Độ chính xác vẫn quanh mức đoán mò "
        "dù huấn luyện bao lâu. Nhiều nút hơn — hoặc thêm một lớp — có thể vẽ một đường khép kín quanh vòng "
        "trong."),
    "underfitting.cause.l2": (
        "**L2 too strong.** The penalty λ·Σw²/2 is added to the loss, so every weight is pulled towards 0. When λ "
        "is large the pull wins over what the data asks for: the weights stay tiny (see their norm), the output "
        "hardly depends on the input, and the loss sits at the level of guessing. A smaller λ still keeps the "
        "weights modest but lets the boundary bend.",
        "**L2 quá mạnh.** Số hạng phạt λ·Σw²/2 được cộng vào hàm lỗi nên mọi trọng số bị kéo về 0. Khi λ lớn, "
        "lực kéo này thắng những gì dữ liệu đòi hỏi: trọng số luôn rất nhỏ (xem chuẩn trọng số), đầu ra gần như "
        "không phụ thuộc vào đầu vào, và hàm lỗi nằm ở mức đoán mò. Hệ số λ nhỏ hơn vẫn giữ trọng số vừa phải "
        "nhưng cho phép ranh giới uốn cong."),
    "underfitting.cause.output": (
        "**Impossible output range.** This is a regression: the targets y run from about 0.5 to 2.5. The network "
        "ends in a sigmoid, whose value always lies between 0 and 1 (the grey band). However well the hidden "
        "layers learn, the curve can only press against the ceiling at 1, and every point above it stays out of "
        "reach. A linear output (the value itself, any real number) removes the ceiling.",
        "**Tập giá trị đầu ra bất khả thi.** Đây là bài toán hồi quy: giá trị mục tiêu y nằm trong khoảng 0,5 "
        "đến 2,5. Lớp đầu ra của mạng dùng sigmoid, mà giá trị của sigmoid luôn nằm giữa 0 và 1 (dải màu xám). "
        "Dù các lớp ẩn học tốt đến đâu, đường cong chỉ có thể áp sát trần 1, và mọi điểm phía trên đều nằm ngoài "
        "tầm với. Đầu ra tuyến tính (giữ nguyên giá trị, một số thực bất kỳ) bỏ đi cái trần này."),
    # controls
    "underfitting.ctl.units": ("Hidden units (problem)", "Số nút ẩn (vấn đề)"),
    "underfitting.ctl.more": ("Hidden units (fix: more units)", "Số nút ẩn (khắc phục: thêm nút)"),
    "underfitting.ctl.depth": ("Hidden layers (fix: more layers)", "Số lớp ẩn (khắc phục: thêm lớp)"),
    "underfitting.ctl.l2": ("L2 strength λ (problem)", "Hệ số L2 λ (vấn đề)"),
    "underfitting.ctl.weaker": ("L2 strength λ (fix: weaker L2)", "Hệ số L2 λ (khắc phục: L2 nhỏ hơn)"),
    "underfitting.ctl.width": ("Units per hidden layer", "Số nút mỗi lớp ẩn"),
    "underfitting.ctl.act": ("Hidden-layer activation", "Hàm kích hoạt của lớp ẩn"),
    "underfitting.act.tanh": ("tanh", "tanh"),
    "underfitting.act.relu": ("ReLU", "ReLU"),
    "underfitting.act.sigmoid": ("sigmoid", "sigmoid"),
    # variant headers and subtitles
    "underfitting.v.capacity.problem": ("Problem: too few parameters", "Vấn đề: quá ít tham số"),
    "underfitting.v.capacity.more_units": ("More hidden units", "Thêm nút ẩn"),
    "underfitting.v.capacity.more_layers": ("More layers", "Thêm lớp"),
    "underfitting.v.l2.problem": ("Problem: L2 too strong", "Vấn đề: L2 quá mạnh"),
    "underfitting.v.l2.weaker_l2": ("Weaker L2", "L2 nhỏ hơn"),
    "underfitting.v.l2.no_l2": ("No L2", "Không dùng L2"),
    "underfitting.v.output.problem": ("Problem: sigmoid output", "Vấn đề: đầu ra sigmoid"),
    "underfitting.v.output.linear_output": ("Linear output", "Đầu ra tuyến tính"),
    "underfitting.s.layers": ("hidden units per layer: {shape}", "số nút ẩn mỗi lớp: {shape}"),
    "underfitting.s.l2": ("λ = {l2:g} · hidden units per layer: {shape}", "λ = {l2:g} · số nút ẩn mỗi lớp: {shape}"),
    "underfitting.s.sigmoid": ("output = sigmoid(z): always between 0 and 1",
                               "đầu ra = sigmoid(z): luôn nằm giữa 0 và 1"),
    "underfitting.s.linear": ("output = z: any real number", "đầu ra = z: một số thực bất kỳ"),
    # chart marks
    "underfitting.chance": ("guessing: 50%", "đoán mò: 50%"),
    "underfitting.band": ("a sigmoid output stays in 0…1", "đầu ra sigmoid chỉ nằm trong 0…1"),
    # under the columns
    "underfitting.fix.more": ("More parameters: more hidden units, or more layers.",
                              "Tăng số tham số: tăng số nút ẩn hoặc tăng số lớp."),
    "underfitting.fix.l2": ("A smaller L2 coefficient, or no L2 at all.", "Giảm hệ số L2, hoặc không dùng L2."),
    "underfitting.fix.output": (
        "An output whose range holds the targets: for regression targets above 1, a linear output instead of a "
        "sigmoid.",
        "Dùng đầu ra có tập giá trị chứa được các giá trị mục tiêu: với bài toán hồi quy có mục tiêu lớn hơn 1, "
        "dùng đầu ra tuyến tính thay cho sigmoid."),
    "underfitting.note.l2": (
        "**Too far the other way?** Dropping L2 altogether removes the brake on a network that is large for its "
        "data. In the \"No L2\" column a small gap opens between the training and the validation curve; with "
        "more epochs or fewer points it would grow into overfitting — the weaker penalty is the balanced fix.",
        "**Đi quá sang phía ngược lại?** Bỏ hẳn L2 là bỏ phanh cho một mạng khá lớn so với dữ liệu. Ở cột "
        "\"Không dùng L2\", giữa đường huấn luyện và đường kiểm định xuất hiện một khoảng hở nhỏ; với nhiều epoch "
        "hơn hoặc ít điểm dữ liệu hơn, khoảng hở đó sẽ lớn dần thành overfitting — giảm L2 vừa phải mới là cách "
        "cân bằng."),
    "underfitting.note.capacity": (
        "**How many units are enough?** Each ReLU unit adds one straight cut, bent at its edge. Two cuts make a "
        "wedge, three can close a triangle around the inner ring. Move the problem's unit count from 1 to 4 and "
        "watch the boundary and the accuracy.",
        "**Bao nhiêu nút là đủ?** Mỗi nút ReLU thêm một đường cắt thẳng, gập lại ở mép. Hai đường cắt tạo một "
        "góc nhọn, ba đường có thể khép thành tam giác quanh vòng trong. Hãy tăng số nút của mạng vấn đề từ 1 "
        "lên 4 và quan sát ranh giới cùng độ chính xác."),
    "underfitting.note.output": (
        "**The loss cannot fall below the gap.** Every target above 1 leaves a gap of at least y − 1 between "
        "target and output, whatever the weights are, so the mean squared error has a floor far above zero.",
        "**Hàm lỗi không thể giảm dưới khoảng hở.** Mỗi giá trị mục tiêu lớn hơn 1 để lại một khoảng cách ít "
        "nhất y − 1 giữa mục tiêu và đầu ra, bất kể trọng số ra sao, nên sai số bình phương trung bình có một "
        "mức sàn cao hơn 0 rất nhiều."),
}
