"""Strings of the page "Batch, mini-batch, SGD" (pages/gd_variants.py)."""

TEXT = {
    "gd_variants.intro": (
        "How many samples should one update look at? **Batch gradient descent** computes the gradient on all "
        "*n* training samples before each step; **SGD** uses a single sample; **mini-batch** gradient descent uses "
        "*k* of them (*k* is the batch size). All three run the same loop: shuffle the data, then repeatedly take "
        "the next *k* samples, run the forward pass, compute the loss *J*, backpropagate, and update "
        "θ := θ − α ∇θ J. Below, one network with the same data, the same initial weights and the same rate α is "
        "trained three times, changing only *k*.",
        "Mỗi lần cập nhật nên dùng bao nhiêu mẫu dữ liệu? **Batch gradient descent** tính gradient trên toàn bộ "
        "*n* mẫu huấn luyện rồi mới bước một bước; **SGD** chỉ dùng một mẫu; **mini-batch** gradient descent dùng "
        "*k* mẫu (*k* gọi là batch size). Cả ba chạy cùng một vòng lặp: trộn ngẫu nhiên dữ liệu, rồi lặp lại: lấy "
        "*k* mẫu tiếp theo, lan truyền thuận, tính hàm lỗi *J*, lan truyền ngược và cập nhật θ := θ − α ∇θ J. "
        "Bên dưới, cùng một mạng, cùng dữ liệu, cùng trọng số khởi tạo và cùng hệ số học α được huấn luyện ba "
        "lần, chỉ khác nhau ở *k*."),
    # controls
    "gd_variants.ctl.dataset": ("Data set", "Tập dữ liệu"),
    "gd_variants.ds.moons": ("two moons", "hai vầng trăng"),
    "gd_variants.ds.circles": ("circles", "hai vòng tròn"),
    "gd_variants.ds.xor": ("XOR", "XOR"),
    "gd_variants.ds.spiral": ("spiral", "xoắn ốc"),
    "gd_variants.ds.gauss": ("two Gaussian clouds", "hai cụm Gauss"),
    "gd_variants.ctl.k": ("Mini-batch size k", "Kích thước mini-batch k"),
    "gd_variants.ctl.k_help": ("The third variant's batch size. Batch GD always uses every training sample and SGD "
                               "always uses one.",
                               "Batch size của phương án thứ ba. Batch GD luôn dùng mọi mẫu huấn luyện, còn SGD luôn "
                               "dùng đúng một mẫu."),
    "gd_variants.ctl.width": ("Hidden units (one hidden layer)", "Số nút ẩn (một lớp ẩn)"),
    "gd_variants.ctl.lr_help": ("The same rate α for all three variants: each update is θ := θ − α ∇θ J.",
                                "Cả ba phương án dùng cùng hệ số học α: mỗi lần cập nhật θ := θ − α ∇θ J."),
    "gd_variants.ctl.epochs_help": ("An epoch is one pass over the training set: 1 update for batch GD, n for SGD.",
                                    "Một epoch là một lượt đi hết tập huấn luyện: 1 lần cập nhật với batch GD, n lần "
                                    "với SGD."),
    # variants
    "gd_variants.v.batch": ("Batch GD (k = {k})", "Batch GD (k = {k})"),
    "gd_variants.v.minibatch": ("Mini-batch (k = {k})", "Mini-batch (k = {k})"),
    "gd_variants.v.sgd": ("SGD (k = 1)", "SGD (k = 1)"),
    "gd_variants.sub": ("{updates} updates per epoch", "{updates} lần cập nhật mỗi epoch"),
    # charts
    "gd_variants.h.curves": ("Loss against epochs, and against updates", "Hàm lỗi theo epoch và theo số lần cập nhật"),
    "gd_variants.chart.epochs": ("Training loss after each epoch", "Hàm lỗi huấn luyện sau mỗi epoch"),
    "gd_variants.chart.updates": ("The same points against the number of updates made",
                                  "Cùng các điểm đó, theo số lần cập nhật đã thực hiện"),
    "gd_variants.ax.updates": ("updates made (symlog scale)", "số lần cập nhật (thang symlog)"),
    "gd_variants.curves_text": (
        "Per **epoch**, the smaller *k* is the faster the loss falls: SGD makes *n* updates in the time batch "
        "gradient descent makes one. Per **update** the three curves nearly coincide at first: far from a minimum, "
        "a gradient from a few samples points downhill almost as well as the exact one, and it is far cheaper. "
        "Closer in, the guesses from single samples disagree, and SGD's curve starts to jitter. (The loss is "
        "measured once per epoch, on the whole training set.)",
        "Tính theo **epoch**, *k* càng nhỏ thì hàm lỗi giảm càng nhanh: SGD cập nhật *n* lần trong khi batch "
        "gradient descent mới cập nhật một lần. Tính theo **lần cập nhật** thì lúc đầu ba đường gần như trùng "
        "nhau: khi còn xa điểm cực tiểu, gradient tính từ vài mẫu cũng chỉ xuống dốc gần đúng như gradient chính "
        "xác, mà lại rẻ hơn nhiều. Khi đến gần hơn, các ước lượng từ từng mẫu riêng lẻ mâu thuẫn nhau và đường "
        "của SGD bắt đầu dao động. (Hàm lỗi được đo một lần mỗi epoch, trên toàn bộ tập huấn luyện.)"),
    "gd_variants.chart.batch_loss": ("The loss of each update's own batch", "Hàm lỗi trên chính batch của mỗi lần cập nhật"),
    "gd_variants.ax.update_log": ("update number (log scale)", "lần cập nhật thứ (thang log)"),
    "gd_variants.ax.batch_loss": ("loss on the update's batch (log scale)", "hàm lỗi trên batch của lần cập nhật (thang log)"),
    "gd_variants.batch_loss_text": (
        "What each update itself sees: the loss J of the *k* samples it was computed from, just before it is made. "
        "Batch gradient descent judges the whole training set every time, so its curve is smooth. A mini-batch "
        "is a sample of *k* points, and its loss scatters around the true one; with *k* = 1 every update judges a "
        "single point, and the curve jumps by orders of magnitude from one sample to the next (an easy point "
        "costs almost nothing, a point on the wrong side costs a lot). That scatter is the noise in SGD's "
        "gradients; the mean still goes down.",
        "Những gì mỗi lần cập nhật thực sự nhìn thấy: hàm lỗi J trên *k* mẫu dùng để tính nó, ngay trước khi cập "
        "nhật. Batch gradient descent lần nào cũng đánh giá toàn bộ tập huấn luyện nên đường của nó trơn. Một "
        "mini-batch là một mẫu gồm *k* điểm, và hàm lỗi của nó dao động quanh giá trị thật; với *k* = 1 mỗi lần "
        "cập nhật chỉ đánh giá một điểm, nên đường nhảy vọt hàng bậc độ lớn từ mẫu này sang mẫu khác (một điểm dễ "
        "gần như không tốn gì, một điểm nằm sai phía tốn rất nhiều). Sự dao động đó chính là nhiễu trong gradient "
        "của SGD; còn giá trị trung bình vẫn giảm."),
    "gd_variants.h.noise": ("Noise and cost", "Độ nhiễu và chi phí"),
    "gd_variants.ax.roughness": ("roughness of the loss curve (%)", "độ gồ ghề của đường hàm lỗi (%)"),
    "gd_variants.ax.ms": ("time per epoch (ms, measured)", "thời gian mỗi epoch (ms, đo thực tế)"),
    "gd_variants.chart.roughness": ("Noise grows as k shrinks", "k càng nhỏ, đường hàm lỗi càng nhiễu"),
    "gd_variants.chart.time": ("Time per epoch, measured on this server",
                               "Thời gian mỗi epoch, đo trên máy chủ này"),
    "gd_variants.noise_text": (
        "**Roughness** is how far each epoch's loss sits, typically, from the straight line through its two "
        "neighbours (on a log scale, in percent): a smooth curve scores about 0 %. **Time per epoch** is the "
        "measured wall time of the whole run divided by its epochs, on this server when the run was first "
        "trained (it includes the per-epoch evaluation). An epoch of SGD costs *n* small updates, each with its "
        "own fixed overhead, so it is the slowest per epoch even though every update is cheap; batch GD makes one "
        "large, efficient update. Mini-batches sit in between: most of the speed of batch GD per sample, most of "
        "the progress of SGD per epoch, and noise you can tune with *k*.",
        "**Độ gồ ghề** là khoảng cách điển hình giữa hàm lỗi của mỗi epoch và đường thẳng nối hai điểm kề bên "
        "(trên thang log, tính theo phần trăm): một đường trơn có độ gồ ghề khoảng 0 %. **Thời gian mỗi epoch** là "
        "thời gian thực đo được của cả lần huấn luyện chia cho số epoch, đo trên máy chủ này ở lần huấn luyện đầu "
        "tiên (đã gồm cả bước đánh giá sau mỗi epoch). Một epoch của SGD gồm *n* lần cập nhật nhỏ, mỗi lần đều có "
        "chi phí cố định riêng, nên SGD chậm nhất tính theo epoch dù mỗi lần cập nhật rất rẻ; batch GD chỉ cập "
        "nhật một lần, lớn và hiệu quả. Mini-batch nằm ở giữa: gần nhanh như batch GD khi tính trên mỗi mẫu, tiến "
        "bộ gần như SGD sau mỗi epoch, và độ nhiễu điều chỉnh được bằng *k*."),
    # table
    "gd_variants.col.variant": ("variant", "phương án"),
    "gd_variants.col.updates": ("updates / epoch", "cập nhật / epoch"),
    "gd_variants.col.ms": ("ms / epoch", "ms / epoch"),
    "gd_variants.col.roughness": ("roughness (%)", "độ gồ ghề (%)"),
    "gd_variants.col.rises": ("epochs where loss rose", "epoch có hàm lỗi tăng"),
    "gd_variants.col.loss": ("final loss", "hàm lỗi cuối"),
    "gd_variants.col.acc": ("accuracy", "độ chính xác"),
    "gd_variants.lecture": (
        "In modern usage \"SGD\" usually means mini-batch gradient descent with any *k* ≥ 1; the lecture's "
        "strict SGD is the case k = 1.",
        "Theo cách gọi hiện đại, \"SGD\" thường chỉ mini-batch gradient descent với *k* ≥ 1 bất kỳ; SGD theo nghĩa "
        "hẹp trong bài giảng là trường hợp k = 1."),
}
