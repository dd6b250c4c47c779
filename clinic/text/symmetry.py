"""Symmetric initialization page."""

TEXT = {
    "symmetry.intro": (
        "**Symptom.** All hidden units of a layer end up computing the same thing: their incoming weights move in "
        "lock-step — on the weights chart their lines lie on top of each other — and the count of distinct units "
        "stays at 1. A layer of 16 identical units is worth one unit, so the network can only draw what one unit "
        "per layer can draw.\n\n"
        "**Cause.** All weights start equal: all zero, or all one constant. Then every unit of a layer computes "
        "the same output, backpropagation hands each of them the same derivative, and the same update keeps them "
        "equal. Nothing in training can ever tell them apart.\n\n"
        "**Fix from the lecture.** Initialize the weights randomly (symmetry breaking): different starting points "
        "give different gradients, and each unit grows into a different feature.",
        "**Dấu hiệu.** Mọi nút ẩn trong một lớp rốt cuộc đều tính cùng một thứ: trọng số đi vào của chúng thay "
        "đổi giống hệt nhau — trên biểu đồ trọng số, các đường chồng khít lên nhau — và số nút khác nhau luôn là "
        "1. Một lớp 16 nút giống hệt nhau chỉ có giá trị như một nút, nên mạng chỉ vẽ được những gì một nút mỗi "
        "lớp vẽ được.\n\n"
        "**Nguyên nhân.** Mọi trọng số được khởi tạo bằng nhau: toàn 0, hoặc toàn một hằng số. Khi đó mọi nút "
        "trong một lớp cho cùng đầu ra, lan truyền ngược trả về cho mỗi nút cùng một đạo hàm, và cùng một bước "
        "cập nhật giữ chúng bằng nhau. Không gì trong quá trình huấn luyện phân biệt được chúng.\n\n"
        "**Cách khắc phục trong bài giảng.** Khởi tạo trọng số ngẫu nhiên (symmetry breaking): điểm xuất phát "
        "khác nhau cho gradient khác nhau, và mỗi nút dần học một đặc trưng riêng."),
    # the case control
    "symmetry.ctl.case": ("Initial weights", "Trọng số khởi tạo"),
    "symmetry.case.zero": ("All zero", "Toàn bộ bằng 0"),
    "symmetry.case.constant": ("All one constant", "Toàn bộ bằng một hằng số"),
    "symmetry.cause.zero": (
        "**All weights zero.** With tanh, ReLU or Leaky ReLU a zero weight gives z = 0 and an output of 0 in every "
        "hidden unit. A weight's gradient is the output of the unit it comes from times the error signal of the "
        "unit it goes to — here 0 for every hidden weight — so none of them ever moves; only the output bias "
        "learns, which leaves the loss at the level of guessing. (With sigmoid, whose value at 0 is 0.5, the "
        "weights do move, but all together.)",
        "**Mọi trọng số bằng 0.** Với tanh, ReLU hay Leaky ReLU, trọng số 0 cho z = 0 và đầu ra 0 ở mọi nút ẩn. "
        "Gradient của một trọng số bằng đầu ra của nút nó xuất phát nhân với tín hiệu lỗi của nút nó đi tới — "
        "ở đây bằng 0 với mọi trọng số ẩn — nên không trọng số nào thay đổi; chỉ bias của đầu ra được học, và "
        "hàm lỗi nằm lại ở mức đoán mò. (Với sigmoid, có giá trị 0,5 tại 0, các trọng số có thay đổi, nhưng "
        "thay đổi cùng nhau.)"),
    "symmetry.cause.constant": (
        "**All weights equal to one constant.** Now the units do learn: their weights move. But they move "
        "together, so every layer keeps acting like one unit copied many times, and the boundary is what a "
        "network with one unit per layer can draw. The larger the constant, the sooner tanh saturates and the "
        "worse that single unit does.",
        "**Mọi trọng số bằng cùng một hằng số.** Lúc này các nút có học: trọng số của chúng thay đổi. Nhưng "
        "chúng thay đổi cùng nhau, nên mỗi lớp vẫn hoạt động như một nút được sao chép nhiều lần, và ranh giới "
        "quyết định chỉ là thứ mà mạng một nút mỗi lớp vẽ được. Hằng số càng lớn, tanh càng sớm bão hòa và nút "
        "duy nhất đó càng làm kém."),
    # controls
    "symmetry.ctl.value": ("Value of every initial weight", "Giá trị khởi tạo của mọi trọng số"),
    "symmetry.ctl.act": ("Hidden-layer activation", "Hàm kích hoạt của lớp ẩn"),
    "symmetry.ctl.width": ("Units per hidden layer (2 layers)", "Số nút mỗi lớp ẩn (2 lớp)"),
    "symmetry.act.tanh": ("tanh", "tanh"),
    "symmetry.act.sigmoid": ("sigmoid", "sigmoid"),
    "symmetry.act.relu": ("ReLU", "ReLU"),
    "symmetry.act.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    # variant headers and subtitles
    "symmetry.v.zero.problem": ("Problem: all weights 0", "Vấn đề: mọi trọng số bằng 0"),
    "symmetry.v.constant.problem": ("Problem: all weights equal", "Vấn đề: mọi trọng số bằng nhau"),
    "symmetry.v.random_init": ("Random initialization", "Khởi tạo ngẫu nhiên"),
    "symmetry.s.zero": ("w = 0 · {act} · {layers} layers of {width} units",
                        "w = 0 · {act} · {layers} lớp, mỗi lớp {width} nút"),
    "symmetry.s.constant": ("w = {value:g} · {act} · {layers} layers of {width} units",
                            "w = {value:g} · {act} · {layers} lớp, mỗi lớp {width} nút"),
    "symmetry.s.random": ("Xavier: w uniform in ±√(6 / (fan-in + fan-out))",
                          "Xavier: w phân bố đều trong ±√(6 / (fan-in + fan-out))"),
    "symmetry.weights_title": ("hidden layer 1: {lines} lines, one per incoming weight",
                               "lớp ẩn 1: {lines} đường, mỗi đường một trọng số vào"),
    # under the columns
    "symmetry.fix.random": ("Initialize the parameters randomly, so that units start different (symmetry breaking).",
                            "Khởi tạo tham số ngẫu nhiên để các nút bắt đầu khác nhau (symmetry breaking)."),
    "symmetry.note": (
        "**How copies are counted.** Two units count as the same when their incoming weights and bias agree to "
        "one part in a million; units that start equal stay equal up to rounding, while randomly started ones "
        "differ by far more. The weights chart draws hidden layer 1 (two inputs per unit, solid and dashed); "
        "layer 2 behaves the same. Only the weights need to differ: the biases may all start at 0.",
        "**Cách đếm các bản sao.** Hai nút được coi là giống nhau khi trọng số vào và bias của chúng khớp đến một "
        "phần triệu; các nút bắt đầu bằng nhau vẫn bằng nhau (chỉ sai khác do làm tròn), còn các nút khởi tạo "
        "ngẫu nhiên khác nhau nhiều hơn thế rất nhiều. Biểu đồ trọng số vẽ lớp ẩn 1 (mỗi nút có hai đầu vào, nét "
        "liền và nét đứt); lớp 2 cũng như vậy. Chỉ cần trọng số khác nhau: các bias có thể cùng bắt đầu từ 0."),
}
