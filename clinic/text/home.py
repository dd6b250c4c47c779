"""Home page: the lecture's map of symptoms, causes and fixes."""

TEXT = {
    "home.intro": (
        "Each page of this clinic trains small neural networks live, on this app's server, and puts a "
        "**broken training run beside the runs that fix it** — same data, same random seed — so you can see the "
        "problem and the cure with your own eyes. Under every run a *training doctor* reads the measurements and "
        "names what it finds. Change any control and the networks retrain; copy the address bar to share exactly "
        "what you see.",
        "Mỗi trang của phòng khám này huấn luyện trực tiếp các mạng nơ-ron nhỏ và đặt **một lần huấn luyện gặp sự "
        "cố bên cạnh các lần huấn luyện đã được khắc phục** — cùng dữ liệu, cùng seed ngẫu nhiên — để bạn tận mắt "
        "thấy vấn đề và cách chữa. Dưới mỗi lần chạy, *bác sĩ huấn luyện* đọc các số đo và gọi tên điều nó phát "
        "hiện. Thay đổi bất kỳ thiết lập nào thì mạng sẽ được huấn luyện lại; sao chép thanh địa chỉ để chia sẻ "
        "đúng những gì bạn đang thấy."),
    "home.part1": ("Part 1 — gradient descent and its variants", "Phần 1 — gradient descent và các biến thể"),
    "home.part2": ("Part 2 — problems when training a network", "Phần 2 — các vấn đề khi huấn luyện mạng"),
    "home.col.topic": ("Topic", "Chủ đề"),
    "home.col.symptom": ("What you see", "Dấu hiệu"),
    "home.col.cause": ("Why it happens", "Nguyên nhân"),
    "home.col.fix": ("What fixes it", "Cách khắc phục"),
    "home.open": ("Open the page", "Mở trang"),
    "home.tools": ("Tools", "Công cụ"),
    "home.tools_text": (
        "The **training doctor** reads a training log (ours, Keras' or PyTorch Lightning's CSV) and names the "
        "problems it finds. The **playground** lets you build any small network and watch it learn.",
        "**Bác sĩ huấn luyện** đọc nhật ký huấn luyện (của ứng dụng này, hoặc tệp CSV của Keras hay PyTorch "
        "Lightning) và gọi tên các vấn đề tìm thấy. **Sân chơi** cho phép bạn tự dựng một mạng nhỏ và xem nó học."),
    # Part 1 rows
    "home.r.landscape.topic": ("Non-convex loss", "Hàm lỗi không lồi"),
    "home.r.landscape.symptom": (
        "Move one weight of a trained network and the loss traces a curve with bumps and several dips.",
        "Thay đổi một trọng số của mạng đã huấn luyện, hàm lỗi vẽ ra một đường gập ghềnh với nhiều chỗ trũng."),
    "home.r.landscape.cause": (
        "With one hidden layer or more, the loss is no longer a convex bowl.",
        "Khi có từ một lớp ẩn trở lên, hàm lỗi không còn là một cái bát lồi."),
    "home.r.landscape.fix": (
        "Nothing to fix: it is why the descent method and its settings matter.",
        "Không cần sửa: đây là lý do cách đi xuống dốc và các thiết lập của nó quan trọng."),
    "home.r.gd.topic": ("Batch, stochastic, mini-batch", "Batch, stochastic, mini-batch"),
    "home.r.gd.symptom": (
        "The same network learns smoothly but slowly per update with all the data, noisily with one sample.",
        "Cùng một mạng học mượt nhưng chậm mỗi bước khi dùng toàn bộ dữ liệu, và nhiễu khi chỉ dùng một mẫu."),
    "home.r.gd.cause": (
        "Each update estimates the gradient from k samples: k = all, k = 1, or a small batch.",
        "Mỗi lần cập nhật ước lượng gradient từ k mẫu: k = toàn bộ, k = 1, hoặc một batch nhỏ."),
    "home.r.gd.fix": ("Mini-batches: shuffle, then take k samples at a time.",
                      "Dùng mini-batch: trộn dữ liệu, rồi lấy lần lượt k mẫu."),
    "home.r.opt.topic": ("Momentum, AdaGrad, RMSprop, Adam", "Quán tính, AdaGrad, RMSprop, Adam"),
    "home.r.opt.symptom": (
        "Plain descent zig-zags across a narrow valley and crawls along it.",
        "Gradient descent thuần tuý đi zig-zag qua thung lũng hẹp và bò chậm dọc theo nó."),
    "home.r.opt.cause": (
        "One learning rate for every direction, and no memory of past steps.",
        "Một hệ số học cho mọi hướng, và không nhớ các bước trước."),
    "home.r.opt.fix": (
        "Momentum averages past gradients; adaptive methods scale each weight's step; decay the rate late on.",
        "Quán tính lấy trung bình các gradient trước; các phương pháp thích nghi điều chỉnh bước của từng trọng "
        "số; giảm hệ số học về sau."),
    # Part 2 rows
    "home.r.overfitting.symptom": (
        "Training loss keeps falling while validation loss turns back up.",
        "Hàm lỗi huấn luyện tiếp tục giảm trong khi hàm lỗi kiểm định quay đầu tăng."),
    "home.r.overfitting.cause": ("Far more freedom than the data can pin down: the network learns the noise.",
                                 "Mô hình quá nhiều tự do so với dữ liệu: mạng học luôn cả nhiễu."),
    "home.r.overfitting.fix": ("Fewer parameters, fewer layers, L2 regularization, dropout.",
                               "Giảm số tham số, giảm số lớp, thêm L2 regularization, dùng dropout."),
    "home.r.underfitting.symptom": ("Training and validation loss both stay high, close together.",
                                    "Hàm lỗi huấn luyện và kiểm định đều cao và gần nhau."),
    "home.r.underfitting.cause": (
        "Too little capacity; an L2 penalty so strong it flattens the weights; or an output that cannot reach "
        "the targets (a sigmoid for values above 1).",
        "Mô hình quá nhỏ; L2 quá mạnh làm trọng số bị ép về 0; hoặc đầu ra không thể đạt tới giá trị cần dự "
        "đoán (sigmoid cho giá trị lớn hơn 1)."),
    "home.r.underfitting.fix": ("More units or layers; weaker or no L2; an output whose range fits the targets.",
                                "Thêm nút ẩn hoặc lớp; giảm hoặc bỏ L2; chọn đầu ra có miền giá trị phù hợp."),
    "home.r.dying_relu.symptom": ("Many hidden units output 0 for every input and never recover.",
                                  "Nhiều nút ẩn cho ra 0 với mọi đầu vào và không bao giờ hồi phục."),
    "home.r.dying_relu.cause": (
        "Their inputs fell into ReLU's negative side, where the slope is 0, so no gradient reaches them.",
        "Đầu vào của chúng rơi vào phía âm của ReLU, nơi độ dốc bằng 0, nên không còn gradient nào đến được."),
    "home.r.dying_relu.fix": ("Leaky ReLU (also: a smaller learning rate, He initialization).",
                              "Dùng Leaky ReLU (ngoài ra: hệ số học nhỏ hơn, khởi tạo He)."),
    "home.r.symmetry.symptom": ("All units of a layer stay identical copies: the network acts like one unit wide.",
                                "Mọi nút trong một lớp vẫn là bản sao của nhau: mạng hoạt động như chỉ có một nút."),
    "home.r.symmetry.cause": ("Equal starting weights get equal gradients and equal updates, forever.",
                              "Trọng số khởi tạo bằng nhau nhận gradient bằng nhau và cập nhật giống hệt nhau, mãi mãi."),
    "home.r.symmetry.fix": ("Random initialization breaks the symmetry.",
                            "Khởi tạo ngẫu nhiên để phá vỡ tính đối xứng."),
    "home.r.vanishing.symptom": ("The first layers barely change and the loss stalls.",
                                 "Các lớp đầu gần như không thay đổi và hàm lỗi đứng yên."),
    "home.r.vanishing.cause": ("Many sigmoid or tanh layers multiply small derivatives together.",
                               "Nhiều lớp sigmoid hoặc tanh nhân các đạo hàm nhỏ với nhau."),
    "home.r.vanishing.fix": ("ReLU with He initialization, tanh with Xavier initialization, fewer layers.",
                             "ReLU với khởi tạo He, tanh với khởi tạo Xavier, giảm số lớp."),
    "home.r.lr_rising.topic": ("Loss rises steadily", "Hàm lỗi tăng dần đều"),
    "home.r.lr_rising.symptom": ("The loss climbs epoch after epoch.", "Hàm lỗi tăng lên sau mỗi epoch."),
    "home.r.lr_rising.cause": ("Learning rate or momentum too large; or a gradient with the wrong sign.",
                               "Hệ số học hoặc hệ số quán tính quá lớn; hoặc đạo hàm bị ngược dấu."),
    "home.r.lr_rising.fix": ("Lower the learning rate or momentum; correct the sign.",
                             "Giảm hệ số học hoặc quán tính; sửa lại dấu của đạo hàm."),
    "home.r.lr_slow.topic": ("Loss falls very slowly", "Hàm lỗi giảm rất chậm"),
    "home.r.lr_slow.symptom": ("After many epochs the loss has hardly moved.",
                               "Sau nhiều epoch hàm lỗi hầu như không đổi."),
    "home.r.lr_slow.cause": ("Learning rate too small; or batch gradient descent on a very complex function.",
                             "Hệ số học quá nhỏ; hoặc dùng batch gradient descent cho một hàm quá phức tạp."),
    "home.r.lr_slow.fix": ("A larger learning rate; mini-batches.", "Tăng hệ số học; dùng mini-batch."),
    "home.r.lr_unstable.topic": ("Loss jumps up and down", "Hàm lỗi tăng giảm thất thường"),
    "home.r.lr_unstable.symptom": ("The loss falls, then bounces around instead of settling.",
                                   "Hàm lỗi giảm, rồi dao động lên xuống thay vì ổn định."),
    "home.r.lr_unstable.cause": ("The learning rate is still too large near the bottom.",
                                 "Hệ số học vẫn còn lớn khi đã gần đáy."),
    "home.r.lr_unstable.fix": ("Lower the learning rate after a number of iterations (step, exponential, 1/t).",
                               "Giảm hệ số học sau một số vòng lặp nhất định (theo bậc, hàm mũ, 1/t)."),
}
