"""Overfitting page."""

TEXT = {
    "overfitting.intro": (
        "**Symptom.** The training loss keeps going down, but the validation loss — measured on points the network "
        "never trains on — stops falling and turns back up. The decision boundary twists around single noisy "
        "points.\n\n"
        "**Cause.** The network has far more freedom (parameters, layers) than a few noisy points can pin down, so "
        "after learning the real pattern it goes on to memorise the noise.\n\n"
        "**Fixes from the lecture.** Fewer parameters, fewer layers, an L2 penalty on the weights, dropout. Each "
        "column below trains the same data from the same seed; only the named change differs.",
        "**Dấu hiệu.** Hàm lỗi huấn luyện tiếp tục giảm, nhưng hàm lỗi kiểm định — đo trên những điểm mạng không "
        "bao giờ được học — ngừng giảm rồi tăng trở lại. Ranh giới quyết định uốn lượn quanh từng điểm nhiễu.\n\n"
        "**Nguyên nhân.** Mạng có quá nhiều tự do (tham số, số lớp) so với lượng dữ liệu ít và nhiễu, nên sau khi "
        "học được quy luật thật, nó tiếp tục học thuộc cả nhiễu.\n\n"
        "**Cách khắc phục trong bài giảng.** Giảm số tham số, giảm số lớp, thêm L2 regularization cho trọng số, "
        "dùng dropout. Mỗi cột bên dưới huấn luyện trên cùng dữ liệu với cùng seed; chỉ khác ở thay đổi được ghi."),
    "overfitting.v.problem": ("Problem: too much freedom", "Vấn đề: quá nhiều tự do"),
    "overfitting.v.fewer_units": ("Fewer parameters", "Giảm số tham số"),
    "overfitting.v.fewer_layers": ("Fewer layers", "Giảm số lớp"),
    "overfitting.v.l2": ("L2 regularization", "L2 regularization"),
    "overfitting.v.dropout": ("Dropout", "Dropout"),
    "overfitting.v.early_stopping": ("Early stopping", "Dừng sớm (early stopping)"),
    "overfitting.s.problem": ("{layers} hidden layers of {width} units", "{layers} lớp ẩn, mỗi lớp {width} nút"),
    "overfitting.s.fewer_units": ("{layers} layers of {width} units", "{layers} lớp, mỗi lớp {width} nút"),
    "overfitting.s.fewer_layers": ("1 layer of {width} units", "1 lớp {width} nút"),
    "overfitting.s.l2": ("λ = {l2:g}", "λ = {l2:g}"),
    "overfitting.s.dropout": ("drop rate {p:.0%}", "tỉ lệ bỏ {p:.0%}"),
    "overfitting.s.early_stopping": ("stop after {patience} epochs without a better validation loss — beyond the "
                                     "lecture",
                                     "dừng sau {patience} epoch không cải thiện hàm lỗi kiểm định — ngoài bài giảng"),
    "overfitting.ctl.width": ("Units per hidden layer (problem)", "Số nút mỗi lớp ẩn (vấn đề)"),
    "overfitting.ctl.depth": ("Hidden layers (problem)", "Số lớp ẩn (vấn đề)"),
    "overfitting.ctl.l2": ("L2 strength λ (fix)", "Hệ số L2 λ (cách khắc phục)"),
    "overfitting.ctl.dropout": ("Dropout rate (fix)", "Tỉ lệ dropout (cách khắc phục)"),
    "overfitting.row.weights": ("Weight size per layer", "Độ lớn trọng số theo lớp"),
    "overfitting.dropout_note": (
        "**Why dropout works.** In every training step each hidden unit is switched off at random, so no unit can "
        "count on a particular partner being there. Each one has to learn something useful in many different "
        "company — features that hold up on their own instead of elaborate conspiracies that fit the noise "
        "(Krizhevsky, Sutskever & Hinton, 2012). At test time every unit is on.",
        "**Vì sao dropout hiệu quả.** Ở mỗi bước huấn luyện, mỗi nút ẩn bị tắt ngẫu nhiên, nên không nút nào có "
        "thể trông cậy vào sự có mặt của một nút cụ thể khác. Mỗi nút phải học được điều hữu ích khi đi cùng nhiều "
        "nhóm nút khác nhau — những đặc trưng vững vàng tự thân, thay vì những phối hợp phức tạp chỉ để khớp nhiễu "
        "(Krizhevsky, Sutskever & Hinton, 2012). Khi kiểm tra thì mọi nút đều bật."),
    "overfitting.fix.fewer_units": ("Fewer parameters (fewer units per layer).", "Giảm số tham số (ít nút hơn mỗi lớp)."),
    "overfitting.fix.fewer_layers": ("Fewer layers.", "Giảm số lớp."),
    "overfitting.fix.l2": ("Add L2 regularization: a penalty λ·Σw²/2 that keeps weights small.",
                           "Thêm L2 regularization: phạt λ·Σw²/2 để giữ trọng số nhỏ."),
    "overfitting.fix.dropout": ("Use dropout.", "Dùng dropout."),
}
