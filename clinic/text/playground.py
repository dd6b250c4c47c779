"""Playground page."""

_DATA = {
    "circles": ("Circle", "Hình tròn"),
    "xor": ("XOR (four quadrants)", "XOR (bốn góc phần tư)"),
    "gauss": ("Two Gaussian clusters", "Hai cụm Gauss"),
    "spiral": ("Spiral", "Xoắn ốc"),
    "moons": ("Two moons", "Hai vầng trăng"),
    "blobs": ("Several classes (blobs)", "Nhiều lớp (các cụm)"),
    "plane": ("Regression: a plane", "Hồi quy: mặt phẳng"),
    "bumps": ("Regression: two bumps", "Hồi quy: hai ụ"),
    "curve": ("Regression: a 1-D curve", "Hồi quy: đường cong 1 chiều"),
    "upload": ("Your own points (CSV file)", "Dữ liệu của bạn (tệp CSV)"),
}
_ACT = {"sigmoid": ("sigmoid", "sigmoid"), "tanh": ("tanh", "tanh"), "relu": ("ReLU", "ReLU"),
        "leaky_relu": ("Leaky ReLU", "Leaky ReLU"), "linear": ("linear (none)", "tuyến tính (không có)")}
_INIT = {"zeros": ("all zeros", "toàn số 0"), "constant": ("one constant", "một hằng số"),
         "normal": ("normal N(0, scale²)", "chuẩn N(0, scale²)"), "uniform": ("uniform U(−scale, scale)",
                                                                            "đều U(−scale, scale)"),
         "xavier": ("Xavier / Glorot", "Xavier / Glorot"), "he": ("He", "He")}
_OPT = {"sgd": ("SGD", "SGD"), "momentum": ("SGD + momentum", "SGD + quán tính"),
        "nesterov": ("Nesterov momentum", "Quán tính Nesterov"), "adagrad": ("AdaGrad", "AdaGrad"),
        "rmsprop": ("RMSprop", "RMSprop"), "adam": ("Adam", "Adam")}
_SCHED = {"constant": ("constant", "không đổi"), "step": ("step decay", "giảm theo bậc"),
          "exponential": ("exponential decay", "giảm theo hàm mũ"), "inverse_time": ("1/t decay", "giảm theo 1/t")}
_FEAT = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁·x₂", "sin1": "sin(x₁)",
         "sin2": "sin(x₂)"}

TEXT = {
    **{f"playground.data.{k}": v for k, v in _DATA.items()},
    **{f"playground.act.{k}": v for k, v in _ACT.items()},
    **{f"playground.init.{k}": v for k, v in _INIT.items()},
    **{f"playground.opt.{k}": v for k, v in _OPT.items()},
    **{f"playground.sched.{k}": v for k, v in _SCHED.items()},
    **{f"playground.feat.{k}": (v, v) for k, v in _FEAT.items()},
    **{f"playground.ctl.w{k}": (f"Units in hidden layer {k}", f"Số nút ở lớp ẩn {k}") for k in range(1, 7)},
    "playground.intro": (
        "Build a network and watch it learn, as in TensorFlow Playground — with what its users keep asking for: "
        "your own data, more classes, every optimizer, initialization and schedule, dropout, accuracy, and "
        "downloads. Each square in the network is one node's output over the input plane; each line a weight "
        "(orange positive, blue negative, thicker when larger). Slide through the epochs to see training unfold, "
        "and read the doctor's verdict on the run. Every setting is in the page's address: copy it to share "
        "exactly this network, data and run.",
        "Tự xây một mạng nơ-ron và xem nó học, giống TensorFlow Playground — cộng thêm những gì người dùng của nó "
        "hay yêu cầu: dữ liệu của riêng bạn, nhiều lớp, mọi bộ tối ưu, cách khởi tạo và lịch giảm hệ số học, "
        "dropout, độ chính xác, và tải kết quả về. Mỗi ô vuông trong mạng là đầu ra của một nút trên toàn mặt "
        "phẳng đầu vào; mỗi đường nối là một trọng số (cam là dương, xanh là âm, càng dày càng lớn). Kéo thanh "
        "epoch để xem quá trình huấn luyện, và đọc chẩn đoán của bác sĩ. Mọi thiết lập nằm trong địa chỉ trang: "
        "sao chép nó để chia sẻ đúng mạng, dữ liệu và lần chạy này."),
    # control groups and controls
    "playground.group.data": ("Data", "Dữ liệu"),
    "playground.group.features": ("Input features", "Đặc trưng đầu vào"),
    "playground.group.network": ("Network", "Mạng"),
    "playground.group.init": ("Init, regularization", "Khởi tạo, chính quy hoá"),
    "playground.group.training": ("Training", "Huấn luyện"),
    "playground.ctl.data": ("Data set", "Tập dữ liệu"),
    "playground.ctl.data_help": ("Classification sets colour the points by class; regression sets colour them by "
                                 "their target value.",
                                 "Tập phân lớp tô màu điểm theo lớp; tập hồi quy tô màu theo giá trị cần dự đoán."),
    "playground.ctl.noise_help": ("How much the points scatter around the pattern.",
                                  "Mức độ các điểm bị lệch khỏi hình mẫu."),
    "playground.ctl.classes": ("Classes", "Số lớp"),
    "playground.ctl.train": ("Training share", "Tỉ lệ dữ liệu huấn luyện"),
    "playground.ctl.train_help": ("The rest is held out for validation: the network never trains on it.",
                                  "Phần còn lại để kiểm định: mạng không bao giờ học trên phần đó."),
    "playground.play": ("Play", "Chạy"),
    "playground.pause": ("Pause", "Tạm dừng"),
    "playground.play_help": ("Watch the training: the epoch moves through the snapshots by itself, redrawing the "
                             "network, the output and the curves. Nothing is trained again.",
                             "Xem quá trình huấn luyện: epoch tự chạy qua các ảnh chụp, vẽ lại mạng, đầu ra và các "
                             "đường cong. Không huấn luyện lại gì cả."),
    "playground.ctl.show_test": ("Show validation data", "Hiện dữ liệu kiểm định"),
    "playground.ctl.show_test_help": ("Draw the held-out points (triangles) over the output as well as the "
                                      "training points. The network never trains on them.",
                                      "Vẽ cả các điểm để riêng (hình tam giác) lên trên đầu ra, cùng với các điểm huấn "
                                      "luyện. Mạng không bao giờ học trên chúng."),
    "playground.ctl.discrete": ("Discretize output", "Rời rạc hoá đầu ra"),
    "playground.ctl.discrete_help": ("Colour each region by the class the network would answer, without the "
                                     "shades of its confidence: the decision boundary alone.",
                                     "Tô mỗi vùng theo lớp mà mạng sẽ trả lời, bỏ các sắc độ về độ tự tin: chỉ còn "
                                     "đường ranh giới quyết định."),
    "playground.ctl.scale": ("Scale inputs to [−3, 3]", "Co giãn về [−3, 3]"),
    "playground.ctl.scale_help": ("Like the built-in sets. Switch off to train on the raw numbers and see what "
                                  "badly scaled inputs do to training.",
                                  "Giống các tập có sẵn. Tắt để huấn luyện trên số liệu gốc và xem đầu vào không "
                                  "được chuẩn hoá ảnh hưởng thế nào."),
    "playground.ctl.seed_help": ("The seed draws the points, the training/validation split, the initial weights "
                                 "and the order of the batches.",
                                 "Seed quyết định các điểm dữ liệu, cách chia huấn luyện/kiểm định, trọng số khởi "
                                 "tạo và thứ tự các batch."),
    "playground.regenerate": ("Regenerate (new seed)", "Tạo lại (seed mới)"),
    "playground.regenerate_help": ("New points and new initial weights: the seed goes up by one.",
                                   "Điểm dữ liệu mới và trọng số khởi tạo mới: seed tăng thêm một."),
    "playground.ctl.layers": ("Hidden layers", "Số lớp ẩn"),
    "playground.ctl.act": ("Activation of the hidden units", "Hàm kích hoạt của nút ẩn"),
    "playground.ctl.slope": ("Leaky ReLU slope for z < 0", "Độ dốc Leaky ReLU khi z < 0"),
    "playground.ctl.head": ("Output unit and loss", "Nút đầu ra và hàm lỗi"),
    "playground.ctl.head_help": (
        "The natural pair: sigmoid with cross-entropy for two classes, softmax with cross-entropy for more, a "
        "linear output with squared error for regression. The alternative is a sigmoid with squared error — "
        "TensorFlow Playground's loss for classes, and for regression an output that cannot go above 1.",
        "Cặp tự nhiên: sigmoid với cross-entropy cho hai lớp, softmax với cross-entropy cho nhiều lớp, đầu ra "
        "tuyến tính với sai số bình phương cho hồi quy. Lựa chọn còn lại là sigmoid với sai số bình phương — hàm "
        "lỗi của TensorFlow Playground khi phân lớp, và khi hồi quy là một đầu ra không thể vượt quá 1."),
    "playground.head.auto": ("natural pair", "cặp tự nhiên"),
    "playground.head.sigmoid_mse": ("sigmoid + squared error", "sigmoid + sai số bình phương"),
    "playground.ctl.init": ("Weight initialization", "Khởi tạo trọng số"),
    "playground.ctl.init_help": ("All zeros or one constant makes every unit of a layer identical: they stay "
                                 "identical (the symmetry problem).",
                                 "Khởi tạo toàn 0 hoặc một hằng số làm mọi nút trong một lớp giống hệt nhau, và "
                                 "chúng sẽ mãi giống nhau (vấn đề đối xứng)."),
    "playground.ctl.iscale": ("Initialization scale", "Độ lớn khởi tạo"),
    "playground.ctl.bias": ("Initial biases", "Giá trị khởi tạo của bias"),
    "playground.ctl.l2": ("L2 strength λ", "Hệ số L2 λ"),
    "playground.ctl.l2_help": ("Adds λ·Σw²/2 to the loss: weights are pulled towards zero.",
                               "Cộng λ·Σw²/2 vào hàm lỗi: trọng số bị kéo về gần 0."),
    "playground.ctl.drop": ("Dropout rate", "Tỉ lệ dropout"),
    "playground.ctl.drop_help": ("Share of hidden units switched off at random in each training step.",
                                 "Tỉ lệ nút ẩn bị tắt ngẫu nhiên ở mỗi bước huấn luyện."),
    "playground.ctl.opt": ("Optimizer", "Bộ tối ưu"),
    "playground.ctl.mu": ("Momentum μ", "Hệ số quán tính μ"),
    "playground.ctl.rho": ("RMSprop decay ρ", "Hệ số suy giảm ρ của RMSprop"),
    "playground.ctl.b1": ("Adam β₁ (momentum)", "Adam β₁ (quán tính)"),
    "playground.ctl.b2": ("Adam β₂ (squared gradients)", "Adam β₂ (bình phương gradient)"),
    "playground.ctl.batch_help": ("Samples per update: 1 is SGD; as many as the training points (or more) is "
                                  "batch gradient descent.",
                                  "Số mẫu cho mỗi lần cập nhật: 1 là SGD; bằng (hoặc lớn hơn) số điểm huấn luyện là "
                                  "batch gradient descent."),
    "playground.ctl.sched": ("Learning-rate schedule", "Lịch thay đổi hệ số học"),
    "playground.ctl.sched_help": ("How the learning rate shrinks as the epochs go by.",
                                  "Hệ số học giảm dần thế nào qua các epoch."),
    "playground.ctl.decay": ("Decay factor", "Hệ số giảm"),
    "playground.ctl.every": ("… reached after (epochs)", "… đạt được sau (epoch)"),
    "playground.ctl.patience": ("Early stopping patience (0 = off)", "Dừng sớm sau số epoch (0 = tắt)"),
    "playground.ctl.patience_help": ("Stop once the validation loss has not improved for this many epochs.",
                                     "Dừng khi hàm lỗi kiểm định không cải thiện sau chừng ấy epoch."),
    # upload
    "playground.upload.widget": ("Your CSV file", "Tệp CSV của bạn"),
    "playground.upload.formats": (
        "A header line, then one point per line: `x1,x2,label` to classify (2 to {classes} labels, numbers or "
        "words), `x1,x2,y` or `x,y` for regression. {min_rows} to {rows} rows, at most {mb} MB; commas, "
        "semicolons or tabs.",
        "Dòng đầu là tên cột, sau đó mỗi dòng một điểm: `x1,x2,label` để phân lớp (2 đến {classes} nhãn, là số "
        "hay chữ đều được), `x1,x2,y` hoặc `x,y` để hồi quy. Từ {min_rows} đến {rows} dòng, tối đa {mb} MB; "
        "phân cách bằng dấu phẩy, chấm phẩy hoặc tab."),
    "playground.upload.none": ("Upload a CSV file to train on your own points.",
                               "Hãy tải lên một tệp CSV để huấn luyện trên dữ liệu của bạn."),
    "playground.upload.bad": ("“{name}” cannot be used:", "Không dùng được tệp “{name}”:"),
    "playground.upload.ok": ("Read {rows} points: inputs {columns}, {target} — {kind}.",
                             "Đã đọc {rows} điểm: đầu vào {columns}, {target} — {kind}."),
    "playground.upload.kind_binary": ("classification into 2 classes", "phân thành 2 lớp"),
    "playground.upload.kind_multi": ("classification into {classes} classes", "phân thành {classes} lớp"),
    "playground.upload.kind_regression": ("regression", "hồi quy"),
    "playground.upload.not_in_link": (
        "Your file is not part of the page's link: whoever opens the link gets every setting, and uploads the "
        "same file to rebuild the same run.",
        "Tệp của bạn không nằm trong đường dẫn: người mở đường dẫn nhận được mọi thiết lập, và cần tải lên cùng "
        "tệp đó để dựng lại đúng lần chạy này."),
    "playground.upload.code": ("class", "lớp"),
    "playground.upload.label": ("label in your file", "nhãn trong tệp"),
    "playground.upload.points": ("points", "số điểm"),
    # upload errors (nncore.userdata.UploadError codes)
    "playground.err.empty": ("the file is empty.", "tệp trống."),
    "playground.err.too_big": ("the file is larger than {limit_mb:g} MB.", "tệp lớn hơn {limit_mb:g} MB."),
    "playground.err.binary": ("it is not a text CSV file.", "đây không phải tệp CSV dạng văn bản."),
    "playground.err.encoding": ("it is not UTF-8 text (save it as “CSV UTF-8”).",
                                "tệp không phải văn bản UTF-8 (hãy lưu dạng “CSV UTF-8”)."),
    "playground.err.columns": ("its columns are {found}; use x1,x2,label or x1,x2,y or x,y.",
                               "các cột là {found}; hãy dùng x1,x2,label hoặc x1,x2,y hoặc x,y."),
    "playground.err.too_many_rows": ("it has {rows} rows; the limit is {limit}.",
                                     "tệp có {rows} dòng; giới hạn là {limit}."),
    "playground.err.too_many_lines": ("it has {lines} lines; the limit is {limit} rows.",
                                      "tệp có {lines} dòng; giới hạn là {limit} dòng dữ liệu."),
    "playground.err.too_few_rows": ("it has {rows} rows; at least {limit} are needed.",
                                    "tệp chỉ có {rows} dòng; cần ít nhất {limit}."),
    "playground.err.ragged": ("line {line} has {found} cells, the header {expected}.",
                              "dòng {line} có {found} ô, trong khi dòng tiêu đề có {expected}."),
    "playground.err.missing": ("line {line}: the {column} cell is empty.", "dòng {line}: ô {column} bị trống."),
    "playground.err.not_number": ("line {line}: {column} = “{value}” is not a number.",
                                  "dòng {line}: {column} = “{value}” không phải là số."),
    "playground.err.not_finite": ("line {line}: {column} = “{value}” is not a finite number.",
                                  "dòng {line}: {column} = “{value}” không phải là số hữu hạn."),
    "playground.err.too_large": ("line {line}: {column} = {value} is beyond ±{limit:g}.",
                                 "dòng {line}: {column} = {value} vượt quá ±{limit:g}."),
    "playground.err.label_too_long": ("line {line}: the label “{value}” is longer than {limit} characters.",
                                      "dòng {line}: nhãn “{value}” dài quá {limit} ký tự."),
    "playground.err.one_class": ("every point has the label “{label}”: a classifier needs two classes at least.",
                                 "mọi điểm đều có nhãn “{label}”: cần ít nhất hai lớp để phân lớp."),
    "playground.err.too_many_classes": ("it has {count} different labels; at most {limit} classes are allowed.",
                                        "tệp có {count} nhãn khác nhau; tối đa {limit} lớp."),
    "playground.no_features": ("Switch on at least one input feature: the network needs an input.",
                               "Hãy bật ít nhất một đặc trưng đầu vào: mạng cần có đầu vào."),
    # charts
    "playground.chart.network": ("The network at epoch {epoch}", "Mạng tại epoch {epoch}"),
    "playground.chart.boundary": ("Output at epoch {epoch}", "Đầu ra tại epoch {epoch}"),
    "playground.chart.surface": ("Predicted value at epoch {epoch}", "Giá trị dự đoán tại epoch {epoch}"),
    "playground.chart.fit": ("Fitted curve at epoch {epoch}", "Đường khớp tại epoch {epoch}"),
    "playground.chart.loss": ("Loss", "Hàm lỗi"),
    "playground.chart.acc": ("Accuracy", "Độ chính xác"),
    "playground.shown_epoch": ("epoch shown", "epoch đang xem"),
    "playground.no_accuracy": ("Regression has no accuracy: the loss (mean squared error) says how close the "
                               "predictions are.",
                               "Bài toán hồi quy không có độ chính xác: hàm lỗi (sai số bình phương trung bình) cho "
                               "biết dự đoán gần đúng đến đâu."),
    "playground.net.inputs": ("inputs", "đầu vào"),
    "playground.net.hidden": ("hidden {layer}|{units} units", "lớp ẩn {layer}|{units} nút"),
    "playground.net.output": ("output", "đầu ra"),
    "playground.net.unit": ("hidden layer {layer}, unit {unit}", "lớp ẩn {layer}, nút {unit}"),
    "playground.net.out": ("output", "đầu ra"),
    "playground.net.out_class": ("output: P(class {k})", "đầu ra: P(lớp {k})"),
    "playground.net.node": ("node", "nút"),
    "playground.net.value": ("output of the node here", "đầu ra của nút tại đây"),
    "playground.net.bias": ("bias", "bias"),
    "playground.net.from": ("from", "từ"),
    "playground.net.to": ("to", "đến"),
    "playground.net.legend": ("node output", "đầu ra của nút"),
    "playground.net.negative": ("negative", "âm"),
    "playground.net.positive": ("positive", "dương"),
    "playground.net.caption": (
        "Each square: a node's output over the whole input plane (hover for values). Colours are scaled per layer: "
        "tanh as is, sigmoid units and probabilities around 0.5, inputs, ReLU and linear units by their largest "
        "value — a dead ReLU unit is a blank square. Lines: weights, orange positive and blue negative, thicker "
        "when larger (hover for the value).",
        "Mỗi ô vuông: đầu ra của một nút trên toàn mặt phẳng đầu vào (rê chuột để xem giá trị). Màu được chia "
        "thang theo từng lớp: tanh giữ nguyên, nút sigmoid và xác suất lấy 0,5 làm mốc giữa, đầu vào, ReLU và nút "
        "tuyến tính theo giá trị lớn nhất — một nút ReLU chết là một ô trắng. Đường nối: trọng số, cam là dương, "
        "xanh là âm, càng dày càng lớn (rê chuột để xem giá trị)."),
    "playground.net.capped": ("Showing the strongest {shown} of the {total} weights (the strongest of each layer).",
                              "Chỉ vẽ {shown} trọng số mạnh nhất trong {total} (mạnh nhất của từng lớp)."),
    # downloads and notes
    "playground.download.weights": ("Download the weights (JSON)", "Tải trọng số (JSON)"),
    "playground.download.help": (
        "The JSON holds every layer's W and b, the activation, the output and the full configuration; the CSV "
        "holds the telemetry, which the Training doctor page reads back.",
        "Tệp JSON chứa W và b của mọi lớp, hàm kích hoạt, đầu ra và toàn bộ cấu hình; tệp CSV chứa số liệu huấn "
        "luyện mà trang Bác sĩ huấn luyện có thể đọc lại."),
    "playground.note": (
        "**Things to try.** Spiral with only x₁ and x₂, then add sin(x₁) and sin(x₂). Circle with no hidden layer "
        "but x₁² and x₂². Set the initialization to all zeros and watch the units of a layer stay identical. "
        "Raise the learning rate until the loss explodes. Stack six hidden layers of sigmoid units and watch the "
        "first layers stop learning.",
        "**Thử xem.** Xoắn ốc chỉ với x₁ và x₂, rồi thêm sin(x₁) và sin(x₂). Hình tròn không có lớp ẩn nhưng có "
        "x₁² và x₂². Khởi tạo toàn số 0 và xem các nút trong cùng một lớp mãi giống nhau. Tăng hệ số học cho đến "
        "khi hàm lỗi bùng nổ. Xếp sáu lớp ẩn sigmoid và xem các lớp đầu ngừng học."),
}
