"""Vanishing-gradients page."""

TEXT = {
    "vanishing.intro": (
        "**Symptom.** In a deep network of sigmoid or tanh layers the loss hardly moves: it sits near the loss of "
        "guessing and the decision boundary stays a blur. The gradient reaching the first layers is millions of "
        "times smaller than the one the output layer gets, so those layers keep their random starting weights.\n\n"
        "**Cause (the lecture).** It happens with *many* layers of *sigmoid or tanh*: backpropagation multiplies "
        "the gradient by the slope of the activation once per layer, and these slopes are small (a sigmoid's is "
        "at most 0.25), so after ten layers almost nothing is left.\n\n"
        "**Fixes.** Change what causes it: an activation whose slope does not shrink (ReLU, started with He "
        "initialization), tanh started where it is steep (Xavier initialization, no bias), or fewer layers. "
        "Each column trains the same data from the same seed; only the named change differs.",
        "**Dấu hiệu.** Với mạng sâu gồm nhiều lớp sigmoid hoặc tanh, hàm lỗi gần như đứng yên: nó nằm quanh mức "
        "của việc đoán mò và ranh giới quyết định vẫn mờ nhạt. Gradient đến được các lớp đầu nhỏ hơn hàng triệu "
        "lần so với gradient ở lớp đầu ra, nên các lớp đó giữ nguyên trọng số khởi tạo ngẫu nhiên.\n\n"
        "**Nguyên nhân (theo bài giảng).** Hiện tượng này hay gặp khi dùng *nhiều lớp* với hàm kích hoạt "
        "*sigmoid hoặc tanh*: lan truyền ngược nhân gradient với đạo hàm của hàm kích hoạt một lần cho mỗi lớp, "
        "mà các đạo hàm này nhỏ (đạo hàm của sigmoid không quá 0,25), nên qua mười lớp gần như chẳng còn gì.\n\n"
        "**Cách khắc phục.** Thay đổi chính nguyên nhân: dùng hàm kích hoạt có đạo hàm không bị co lại (ReLU, "
        "khởi tạo He), giữ tanh nhưng khởi tạo ở vùng dốc (khởi tạo Xavier, không có bias), hoặc giảm số lớp. "
        "Mỗi cột huấn luyện trên cùng dữ liệu với cùng seed; chỉ khác ở thay đổi được ghi."),
    "vanishing.ctl.case": ("Activation of the deep network", "Hàm kích hoạt của mạng sâu"),
    "vanishing.case.sigmoid": ("Sigmoid", "Sigmoid"),
    "vanishing.case.tanh": ("Tanh", "Tanh"),
    "vanishing.ctl.depth": ("Hidden layers (problem)", "Số lớp ẩn (vấn đề)"),
    "vanishing.ctl.width": ("Units per hidden layer", "Số nút mỗi lớp ẩn"),
    "vanishing.ctl.detail": ("Second layer chart", "Biểu đồ theo lớp thứ hai"),
    "vanishing.detail.update_ratio": ("Update size / weight size", "Độ lớn cập nhật / độ lớn trọng số"),
    "vanishing.detail.saturated_frac": ("Saturated outputs", "Đầu ra bão hoà"),
    "vanishing.cause.sigmoid": (
        "**Sigmoid case.** Ten sigmoid layers with Xavier initialization and plain gradient descent. Even at its "
        "steepest point (input 0) a sigmoid's slope is only 0.25, so each layer passes back at most a quarter of "
        "the gradient it receives: 0.25¹⁰ ≈ 10⁻⁶.",
        "**Trường hợp sigmoid.** Mười lớp sigmoid, khởi tạo Xavier, gradient descent thông thường. Ngay cả ở "
        "điểm dốc nhất (đầu vào bằng 0), đạo hàm của sigmoid chỉ là 0,25, nên mỗi lớp chỉ truyền ngược lại tối đa "
        "một phần tư gradient nó nhận được: 0,25¹⁰ ≈ 10⁻⁶."),
    "vanishing.cause.tanh": (
        "**Tanh case.** Ten tanh layers started with small random weights (standard deviation 0.1) and a bias of "
        "1. Every unit starts near tanh(1) ≈ 0.76, where the slope is 0.42 instead of 1, and the small weights "
        "shrink the gradient further at every layer on its way back.",
        "**Trường hợp tanh.** Mười lớp tanh, khởi tạo trọng số ngẫu nhiên nhỏ (độ lệch chuẩn 0,1) và bias bằng 1. "
        "Mọi nút bắt đầu quanh tanh(1) ≈ 0,76, nơi đạo hàm là 0,42 thay vì 1, và các trọng số nhỏ lại làm gradient "
        "co thêm ở mỗi lớp trên đường lan truyền ngược."),
    "vanishing.v.problem": ("Problem: deep and vanishing", "Vấn đề: mạng sâu, gradient triệt tiêu"),
    "vanishing.v.relu_he": ("ReLU + He initialization", "ReLU + khởi tạo He"),
    "vanishing.v.tanh_xavier": ("Tanh + Xavier initialization", "Tanh + khởi tạo Xavier"),
    "vanishing.v.fewer_layers": ("Fewer layers", "Giảm số lớp"),
    "vanishing.s.net": ("{layers} layers × {width} units · {act} · {init}",
                        "{layers} lớp × {width} nút · {act} · {init}"),
    "vanishing.s.bias": (" · bias {bias:g}", " · bias {bias:g}"),
    "vanishing.act.sigmoid": ("sigmoid", "sigmoid"),
    "vanishing.act.tanh": ("tanh", "tanh"),
    "vanishing.act.relu": ("ReLU", "ReLU"),
    "vanishing.act.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "vanishing.act.linear": ("linear", "tuyến tính"),
    "vanishing.init.zeros": ("zero init", "khởi tạo 0"),
    "vanishing.init.constant": ("constant init", "khởi tạo hằng số"),
    "vanishing.init.normal": ("small normal init", "khởi tạo chuẩn nhỏ"),
    "vanishing.init.uniform": ("uniform init", "khởi tạo đều"),
    "vanishing.init.xavier": ("Xavier init", "khởi tạo Xavier"),
    "vanishing.init.he": ("He init", "khởi tạo He"),
    "vanishing.ax.layers": ("layer (first hidden → output)", "lớp (lớp ẩn đầu → đầu ra)"),
    "vanishing.ax.last_hidden": ("last", "cuối"),
    "vanishing.ax.output_short": ("out", "ra"),
    "vanishing.profile.at": ("epoch {epoch}", "epoch {epoch}"),
    "vanishing.profile.peak": ("peak", "lớn nhất"),
    "vanishing.ratio.at": ("First layer ÷ output layer at epoch {epoch}: {ratio}.",
                           "Lớp đầu ÷ lớp đầu ra tại epoch {epoch}: {ratio}."),
    "vanishing.ratio.peak": ("Largest over training: {ratio}.", "Lớn nhất trong quá trình huấn luyện: {ratio}."),
    "vanishing.ratio.decades": ("({decades:.1f} powers of ten less)", "(nhỏ hơn {decades:.1f} bậc độ lớn)"),
    "vanishing.ratio.none": ("not measurable (a gradient is zero or missing)",
                             "không đo được (có gradient bằng 0 hoặc không có)"),
    "vanishing.fix.relu_he": (
        "An activation whose slope does not shrink: ReLU (slope 1 for positive inputs), with He initialization so "
        "the signal keeps its size from layer to layer.",
        "Dùng hàm kích hoạt có đạo hàm không co lại: ReLU (đạo hàm bằng 1 khi đầu vào dương), khởi tạo He để tín "
        "hiệu giữ nguyên độ lớn qua các lớp."),
    "vanishing.fix.tanh_xavier": (
        "Keep tanh but start it where it is steep: Xavier initialization and zero biases put its inputs near 0, "
        "where its slope is close to 1.",
        "Giữ tanh nhưng khởi tạo ở vùng dốc: khởi tạo Xavier và bias bằng 0 đưa đầu vào về gần 0, nơi đạo hàm "
        "của tanh gần bằng 1."),
    "vanishing.fix.fewer_layers": (
        "Fewer layers: fewer small factors in the product, so more of the gradient reaches the first layer.",
        "Giảm số lớp: ít thừa số nhỏ hơn trong tích, nên gradient đến lớp đầu còn lớn hơn."),
    "vanishing.note.why": (
        "**Why the gradient fades.** Backpropagation computes the first layer's gradient as a product with one "
        "factor per layer above it: the slope of that layer's activation times its weights. Factors below 1 "
        "compound like interest in reverse — ten factors of 0.25 leave one millionth. The update "
        "θ := θ − α·∇θ is then a millionth of what the output layer gets, so the first layers stay where they "
        "started, and the layers above learn from features that are still random. Read the charts from the "
        "output to the input: the bars fall in a staircase, one step per layer. The fixes make each factor close "
        "to 1 (ReLU's slope is exactly 1 where it is active; Xavier and He initialization choose the weights' "
        "size so the signal neither shrinks nor grows), or make the product shorter (fewer layers). The data is "
        "deliberately easy — two separate clouds of points — so when the deep network stalls at the loss of "
        "guessing, the gradient alone is to blame.",
        "**Vì sao gradient bị triệt tiêu.** Lan truyền ngược tính gradient của lớp đầu tiên bằng một tích, mỗi lớp "
        "phía trên góp một thừa số: đạo hàm của hàm kích hoạt ở lớp đó nhân với trọng số của nó. Các thừa số nhỏ "
        "hơn 1 nhân dồn lại — mười thừa số 0,25 chỉ còn một phần triệu. Bước cập nhật θ := θ − α·∇θ khi đó chỉ "
        "bằng một phần triệu so với lớp đầu ra, nên các lớp đầu đứng yên ở chỗ khởi tạo, còn các lớp phía trên "
        "phải học từ những đặc trưng vẫn còn ngẫu nhiên. Hãy đọc biểu đồ từ đầu ra về đầu vào: các cột giảm dần "
        "như bậc thang, mỗi lớp một bậc. Các cách khắc phục làm mỗi thừa số gần bằng 1 (đạo hàm của ReLU bằng "
        "đúng 1 khi nút hoạt động; khởi tạo Xavier và He chọn độ lớn trọng số để tín hiệu không co lại cũng không "
        "phình ra), hoặc làm tích ngắn lại (giảm số lớp). Dữ liệu được chọn dễ một cách có chủ ý — hai đám điểm tách "
        "rời — nên khi mạng sâu đứng yên ở mức hàm lỗi của việc đoán mò, lỗi hoàn toàn nằm ở gradient."),
    "vanishing.note.update_ratio": (
        "**Update size over weight size.** For each layer and epoch: how far the weights moved, relative to their "
        "size. The cs231n notes (the lecture's first reference) call about 10⁻³ per update healthy; far below "
        "means the layer is frozen. Here each epoch is one update (full batch).",
        "**Độ lớn cập nhật so với độ lớn trọng số.** Với mỗi lớp và mỗi epoch: trọng số đã dịch chuyển bao xa so "
        "với độ lớn của chính nó. Ghi chú cs231n (tài liệu tham khảo đầu tiên của bài giảng) coi khoảng 10⁻³ mỗi "
        "lần cập nhật là khoẻ mạnh; nhỏ hơn nhiều nghĩa là lớp đó bị đóng băng. Ở đây mỗi epoch là một lần cập "
        "nhật (cả batch)."),
    "vanishing.note.saturated_frac": (
        "**Saturation.** The share of a layer's outputs within 2 % of the activation's limits (0 or 1 for sigmoid, "
        "−1 or 1 for tanh), where its slope is nearly 0. Saturated units make vanishing worse, but they are not "
        "needed for it: with the default settings almost no unit is saturated, and the gradient still vanishes, "
        "because a sigmoid's slope is at most 0.25 even in its middle.",
        "**Bão hoà.** Tỉ lệ đầu ra của một lớp nằm trong khoảng 2 % sát giới hạn của hàm kích hoạt (0 hoặc 1 với "
        "sigmoid, −1 hoặc 1 với tanh), nơi đạo hàm gần bằng 0. Nút bão hoà làm gradient triệt tiêu nặng hơn, "
        "nhưng không phải điều kiện cần: với thiết lập mặc định hầu như không nút nào bão hoà mà gradient vẫn "
        "triệt tiêu, vì đạo hàm của sigmoid không quá 0,25 ngay cả ở giữa."),
}
