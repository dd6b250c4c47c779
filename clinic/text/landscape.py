"""Strings of the page "Loss landscape" (pages/landscape.py)."""

TEXT = {
    "landscape.intro": (
        "Gradient descent only looks downhill from where it stands. On a **convex** loss that is enough: every "
        "valley is the one global minimum. With one or more hidden layers the loss stops being convex. The lecture "
        "shows this by taking a trained weight matrix *W*, sliding one entry *W*[0, 5] from −4 to 4 (100 values) "
        "while every other weight stays fixed, and plotting the loss at each value. Here you can do the same to any "
        "weight of a network you train, next to a model with **no hidden layer**, whose loss is convex.",
        "Gradient descent chỉ nhìn xuống dốc từ chỗ nó đang đứng. Với hàm lỗi **lồi** (convex) thì như vậy là đủ: "
        "thung lũng nào cũng là cực tiểu toàn cục duy nhất. Khi mạng có một hoặc nhiều lớp ẩn, hàm lỗi không còn "
        "lồi nữa. Bài giảng minh họa điều này bằng cách lấy ma trận trọng số *W* đã huấn luyện, cho một phần tử "
        "*W*[0, 5] chạy từ −4 đến 4 (100 giá trị) trong khi giữ nguyên mọi trọng số khác, rồi vẽ hàm lỗi tại mỗi "
        "giá trị. Ở đây bạn làm được điều đó với bất kỳ trọng số nào của mạng bạn tự huấn luyện, đặt cạnh một mô "
        "hình **không có lớp ẩn**, có hàm lỗi lồi."),
    # network controls
    "landscape.h.net": ("1. Train a network", "1. Huấn luyện mạng"),
    "landscape.ctl.dataset": ("Data set", "Tập dữ liệu"),
    "landscape.ds.curve": ("1-D curve (regression)", "đường cong 1 chiều (hồi quy)"),
    "landscape.ds.moons": ("two moons", "hai vầng trăng"),
    "landscape.ds.circles": ("circles", "hai vòng tròn"),
    "landscape.ds.xor": ("XOR", "XOR"),
    "landscape.ds.spiral": ("spiral", "xoắn ốc"),
    "landscape.ds.blobs": ("three blobs (3 classes)", "ba cụm (3 lớp)"),
    "landscape.ctl.depth": ("Hidden layers", "Số lớp ẩn"),
    "landscape.ctl.width": ("Units per hidden layer", "Số nút mỗi lớp ẩn"),
    "landscape.ctl.act": ("Activation", "Hàm kích hoạt"),
    "landscape.act.tanh": ("tanh", "tanh"),
    "landscape.act.sigmoid": ("sigmoid", "sigmoid"),
    "landscape.act.relu": ("ReLU", "ReLU"),
    "landscape.act.leaky_relu": ("leaky ReLU", "leaky ReLU"),
    "landscape.ctl.epochs_help": ("Adam, learning rate 0.01, batches of 32.",
                                  "Adam, hệ số học 0.01, batch 32 mẫu."),
    "landscape.v.net": ("With hidden layers: {shape}", "Có lớp ẩn: {shape}"),
    "landscape.v.flat": ("No hidden layer: {kind}", "Không có lớp ẩn: {kind}"),
    "landscape.kind.regression": ("linear regression", "hồi quy tuyến tính"),
    "landscape.kind.binary": ("logistic regression", "hồi quy logistic"),
    "landscape.kind.multiclass": ("softmax regression", "hồi quy softmax"),
    # 1-D sweep
    "landscape.h.sweep": ("2. Slide one weight, keep every other weight fixed",
                          "2. Thay đổi một trọng số, giữ nguyên mọi trọng số khác"),
    "landscape.ctl.layer": ("Layer of the weight", "Lớp chứa trọng số"),
    "landscape.ctl.layer_help": ("Layer 1 holds the weights from the inputs to the first hidden layer; the last "
                                 "layer's lead to the output.",
                                 "Lớp 1 chứa các trọng số từ đầu vào đến lớp ẩn thứ nhất; lớp cuối cùng chứa các "
                                 "trọng số dẫn tới đầu ra."),
    "landscape.ctl.row": ("Row (input unit)", "Hàng (nút đầu vào)"),
    "landscape.ctl.col": ("Column (receiving unit)", "Cột (nút nhận)"),
    "landscape.ctl.lo": ("Sweep from", "Quét từ"),
    "landscape.ctl.hi": ("Sweep to", "Quét đến"),
    "landscape.ctl.points": ("Values in the sweep", "Số giá trị được quét"),
    "landscape.fixed": ("{label}: {value} (the only one)", "{label}: {value} (chỉ có một)"),
    "landscape.ax.weight": ("value of {name}", "giá trị của {name}"),
    "landscape.ax.trained": ("trained value", "giá trị sau huấn luyện"),
    "landscape.chart.net": ("Network: loss against {name}", "Mạng có lớp ẩn: hàm lỗi theo {name}"),
    "landscape.chart.flat": ("No hidden layer: loss against {name}", "Không lớp ẩn: hàm lỗi theo {name}"),
    "landscape.convex": ("**Convex** on this range: the smallest second difference is {curv:.3g} ≥ 0.",
                         "**Lồi** trên khoảng này: sai phân bậc hai nhỏ nhất là {curv:.3g} ≥ 0."),
    "landscape.nonconvex": ("**Not convex**: the smallest second difference is {curv:.3g} < 0, so the curve bends "
                            "downward somewhere.",
                            "**Không lồi**: sai phân bậc hai nhỏ nhất là {curv:.3g} < 0, tức là đường cong có chỗ "
                            "uốn xuống."),
    "landscape.scan": ("Across every weight of this layer ({n} of them), {bad} give a non-convex slice over the same "
                       "range.",
                       "Xét mọi trọng số của lớp này ({n} trọng số), có {bad} trọng số cho lát cắt không lồi trên "
                       "cùng khoảng giá trị."),
    "landscape.scan_flat": ("Every weight of the model without a hidden layer ({n} of them): {bad} non-convex slices.",
                            "Mọi trọng số của mô hình không có lớp ẩn ({n} trọng số): {bad} lát cắt không lồi."),
    "landscape.scan_skipped": ("(This layer has {n} weights: too many to scan them all on every change.)",
                               "(Lớp này có {n} trọng số: quá nhiều để quét tất cả mỗi lần thay đổi.)"),
    "landscape.sweep_text": (
        "The loss is the training objective the optimizer saw: the data loss on the whole training set. The "
        "**second difference** (f(w+h) − 2 f(w) + f(w−h)) / h² estimates the curvature between neighbouring "
        "values: a convex curve never has a negative one. Without a hidden layer the output is a linear function of "
        "each weight, fed into a convex loss, so every slice is convex, whichever weight and range you pick. With a "
        "hidden layer the weight passes through the activation first: the slice flattens into plateaus where units "
        "saturate (or die), and it can have several dips. That is why gradient descent on a network can stall on a "
        "plateau or settle in a local minimum, and why where it starts matters.",
        "Hàm lỗi ở đây chính là mục tiêu mà bộ tối ưu đã thấy khi huấn luyện: hàm lỗi trên toàn bộ tập huấn luyện. "
        "**Sai phân bậc hai** (f(w+h) − 2 f(w) + f(w−h)) / h² ước lượng độ cong giữa các giá trị kề nhau: một "
        "đường cong lồi không bao giờ có sai phân bậc hai âm. Khi không có lớp ẩn, đầu ra là hàm tuyến tính của "
        "từng trọng số rồi đi vào một hàm lỗi lồi, nên mọi lát cắt đều lồi, dù chọn trọng số và khoảng nào. Khi có "
        "lớp ẩn, trọng số phải đi qua hàm kích hoạt trước: lát cắt bị phẳng lại thành những cao nguyên ở nơi các "
        "nút bão hòa (hoặc chết), và có thể có nhiều chỗ trũng. Vì vậy gradient descent trên mạng nơ-ron có thể bị "
        "kẹt trên cao nguyên hay dừng ở một cực tiểu địa phương, và điểm khởi tạo có ý nghĩa."),
    # 2-D slice
    "landscape.h.plane": ("3. A 2-D slice through the trained weights", "3. Lát cắt 2 chiều qua bộ trọng số đã học"),
    "landscape.ctl.mode": ("Slice along", "Cắt theo"),
    "landscape.mode.directions": ("two random directions (Li et al.)", "hai hướng ngẫu nhiên (Li và cộng sự)"),
    "landscape.mode.weights": ("two chosen weights", "hai trọng số tự chọn"),
    "landscape.ctl.span": ("Half-width of the slice", "Nửa bề rộng lát cắt"),
    "landscape.ctl.span_help": ("Random directions: a and b run from −span to span (1 = as far again as the weights "
                                "themselves). Two weights: each moves up to span from its trained value.",
                                "Hướng ngẫu nhiên: a và b chạy từ −span đến span (1 = dịch xa bằng chính độ lớn của "
                                "trọng số). Hai trọng số: mỗi trọng số dịch tối đa span quanh giá trị đã học."),
    "landscape.ctl.grid": ("Grid points per side", "Số điểm lưới mỗi cạnh"),
    "landscape.ctl.norm": ("Scale the directions", "Chuẩn hóa hướng"),
    "landscape.norm.layer": ("per layer", "theo từng lớp"),
    "landscape.norm.filter": ("per unit (filter)", "theo từng nút (filter)"),
    "landscape.ctl.dseed": ("Directions' seed", "Seed của các hướng"),
    "landscape.ctl.row2": ("Second weight: row", "Trọng số thứ hai: hàng"),
    "landscape.ctl.col2": ("Second weight: column", "Trọng số thứ hai: cột"),
    "landscape.ax.dir1": ("a (along direction 1)", "a (theo hướng 1)"),
    "landscape.ax.dir2": ("b (along direction 2)", "b (theo hướng 2)"),
    "landscape.chart.plane": ("Loss on the plane, trained weights at the cross",
                              "Hàm lỗi trên mặt cắt, dấu chữ thập là bộ trọng số đã học"),
    "landscape.same_weight": ("The two weights are the same one: choose a different row or column for the second.",
                              "Hai trọng số đang trùng nhau: hãy chọn hàng hoặc cột khác cho trọng số thứ hai."),
    "landscape.plane_text": (
        "Two random directions d₁, d₂ in weight space give a plane θ + a·d₁ + b·d₂ through the trained weights θ "
        "(a = b = 0). A raw random direction would move small weight matrices relatively far more than large ones, "
        "so, following Li et al. (2018), *Visualizing the Loss Landscape of Neural Nets*, each direction is rescaled "
        "to the size of the weights it moves: per layer (the norm of each matrix) or per unit (the norm of each "
        "unit's incoming weights). Biases stay fixed. The colour scale is logarithmic.",
        "Hai hướng ngẫu nhiên d₁, d₂ trong không gian trọng số tạo thành một mặt phẳng θ + a·d₁ + b·d₂ đi qua bộ "
        "trọng số đã học θ (a = b = 0). Một hướng ngẫu nhiên thô sẽ làm các ma trận trọng số nhỏ dịch chuyển "
        "tương đối nhiều hơn hẳn các ma trận lớn, nên theo Li và cộng sự (2018), *Visualizing the Loss Landscape "
        "of Neural Nets*, mỗi hướng được co giãn theo độ lớn của các trọng số mà nó dịch chuyển: theo từng lớp "
        "(chuẩn của mỗi ma trận) hoặc theo từng nút (chuẩn của các trọng số đi vào nút đó). Các bias giữ nguyên. "
        "Thang màu là thang log."),
    "landscape.weights_text": (
        "Two weights of the same layer move at once, each up to the half-width from its trained value, while every "
        "other weight stays fixed: the 2-D version of the sweep above. The cross marks the trained weights. The "
        "colour scale is logarithmic.",
        "Hai trọng số của cùng một lớp được thay đổi đồng thời, mỗi trọng số dịch tối đa bằng nửa bề rộng quanh "
        "giá trị đã học, trong khi mọi trọng số khác giữ nguyên: phiên bản 2 chiều của phép quét ở trên. Dấu chữ "
        "thập đánh dấu bộ trọng số đã học. Thang màu là thang log."),
    "landscape.error": ("This slice cannot be computed: {reason}", "Không tính được lát cắt này: {reason}"),
}
