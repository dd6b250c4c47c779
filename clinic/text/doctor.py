"""The training doctor: its findings, evidence, fixes, skipped checks, log notes and refusals; and the Doctor page.

The English of every sentence the doctor makes is the doctor's own template
(nncore.doctor.EVIDENCE, CLAUSES, SKIPS, PROBLEMS; nncore.logs.NOTES,
LogError.MESSAGES), imported here so that the two can never drift; the
Vietnamese sits beside it under the same key and uses the same placeholders
(tests/test_i18n.py checks them).  clinic.verdicts fills either with a
finding's facts.  A doctor template without a Vietnamese entry here fails at
import: no finding can reach the screen untranslated.

Vocabulary from the lecture (lesson-8-training-techniques.vi.txt): hàm lỗi,
hệ số học, hệ số quán tính, lớp ẩn, nút ẩn, khởi tạo, đạo hàm, Overfitting,
Underfitting, Dying ReLU, Gradient vanishing, "hàm lỗi tăng dần đều", "giảm
rất chậm", "không ổn định (tăng giảm thất thường)".
"""

from nncore import doctor, logs

# -- what the doctor says ------------------------------------------------------------------------------------------

TITLES_VI = {
    "diverged": "Huấn luyện bị phân kỳ",
    "loss_rising": "Hàm lỗi tăng dần đều",
    "symmetric_init": "Các nút ẩn là bản sao của nhau (khởi tạo tham số giống nhau)",
    "dying_relu": "Dying ReLU (nút ReLU chết)",
    "vanishing_gradients": "Gradient vanishing (đạo hàm triệt tiêu)",
    "unstable_loss": "Hàm lỗi không ổn định (tăng giảm thất thường)",
    "slow_convergence": "Hàm lỗi giảm rất chậm",
    "overfitting": "Overfitting (quá khớp)",
    "underfitting": "Underfitting (chưa khớp)",
}

_LR_FIXES = ("Giảm hệ số học.", "Giảm hệ số quán tính.",
             "Kiểm tra dấu của bước cập nhật gradient (phải đi xuống dốc hàm lỗi, không phải đi lên).")
FIXES_VI = {
    "diverged": _LR_FIXES,
    "loss_rising": _LR_FIXES,
    "symmetric_init": ("Khởi tạo trọng số ngẫu nhiên (ví dụ Xavier hoặc He) để phá vỡ tính đối xứng "
                       "(symmetry breaking).",),
    "dying_relu": ("Dùng Leaky ReLU thay cho ReLU.", "Giảm hệ số học.", "Dùng khởi tạo He với bias bằng 0."),
    "vanishing_gradients": ("Dùng ReLU với khởi tạo He.", "Dùng tanh với khởi tạo Xavier.", "Dùng ít lớp hơn."),
    "unstable_loss": ("Giảm hệ số học sau một số vòng lặp nhất định (giảm theo bậc thang, theo hàm mũ hoặc "
                      "theo 1/t).", "Giảm hệ số học."),
    "slow_convergence": ("Tăng hệ số học.", "Dùng mini-batch thay cho toàn bộ dữ liệu (batch gradient descent)."),
    "overfitting": ("Giảm số tham số (ít nút ẩn hơn).", "Giảm số lớp.", "Thêm L2 regularization.",
                    "Dùng dropout."),
    "underfitting": ("Tăng số tham số: thêm nút ẩn hoặc thêm lớp.", "Giảm hệ số L2, hoặc không dùng L2.",
                     "Cho đầu ra một tập giá trị chứa được giá trị cần dự đoán (đầu ra tuyến tính cho bài toán "
                     "hồi quy có giá trị lớn hơn 1)."),
}

EVIDENCE_VI = {
    "diverged.nan": "Hàm lỗi huấn luyện trở thành NaN (không phải là số) tại epoch {epoch}.",
    "diverged.inf": "Hàm lỗi huấn luyện trở thành vô cùng tại epoch {epoch}.",
    "diverged.neg_inf": "Hàm lỗi huấn luyện trở thành âm vô cùng tại epoch {epoch}.",
    "diverged.explosion": "Hàm lỗi huấn luyện bùng nổ lên {value:.3g} tại epoch {epoch}, gấp {ratio:.3g} lần giá trị "
                          "ban đầu {first:.3g}.",
    "loss_rising.fell_above": "Hàm lỗi huấn luyện giảm xuống {min:.3g} tại epoch {min_epoch}, rồi tăng lên {end:.3g} "
                              "ở epoch {end_epoch}: cuối cùng nó còn cao hơn giá trị ban đầu {start:.3g}.",
    "loss_rising.fell_back": "Hàm lỗi huấn luyện giảm xuống {min:.3g} tại epoch {min_epoch}, rồi tăng lên {end:.3g} "
                             "ở epoch {end_epoch}: nó đã đánh mất {rise_share:.0%} mức giảm từng đạt được.",
    "loss_rising.rose_above": "Hàm lỗi huấn luyện bắt đầu ở {start:.3g} (epoch {min_epoch}) rồi tăng lên {end:.3g} "
                              "ở epoch {end_epoch}: cuối cùng nó cao hơn giá trị ban đầu {start:.3g}.",
    "loss_rising.rose_back": "Hàm lỗi huấn luyện bắt đầu ở {start:.3g} (epoch {min_epoch}) rồi tăng lên {end:.3g} ở "
                             "epoch {end_epoch}: nó đã đánh mất {rise_share:.0%} mức giảm từng đạt được.",
    "symmetric_init.layers": "Tại epoch {epoch}, {items}: các nút còn lại là bản sao, nhận đạo hàm giống hệt nhau "
                             "ngay từ đầu, nên mạng chỉ tính được như thể mỗi lớp có một nút.",
    "symmetric_init.item_of": "lớp ẩn {layer} chỉ có {distinct} nút khác nhau trên tổng số {units} nút",
    "symmetric_init.item": "các nút của lớp ẩn {layer} giống hệt nhau ({distinct} nút khác nhau)",
    "dying_relu.count": "Tại epoch {epoch}, {dead_frac:.0%} số nút của lớp ẩn {layer} ({dead}/{units} nút) cho đầu "
                        "ra bằng 0 với mọi mẫu huấn luyện; tỉ lệ này lần đầu đạt {threshold:.0%} tại epoch {since}.",
    "dying_relu.share": "Tại epoch {epoch}, {dead_frac:.0%} số nút của lớp ẩn {layer} cho đầu ra bằng 0 với mọi mẫu "
                        "huấn luyện; tỉ lệ này lần đầu đạt {threshold:.0%} tại epoch {since}.",
    "vanishing_gradients.ratio": "Chuẩn gradient lớn nhất mà lớp ẩn 1 nhận được trong cả quá trình, {first:.3g}, chỉ "
                                 "bằng {ratio:.3g} lần chuẩn gradient lớn nhất của lớp đầu ra ({last:.3g}, epoch "
                                 "{last_epoch}): đạo hàm nhỏ dần khi lan truyền ngược qua {n_layers} lớp "
                                 "(AUTOTRAINER coi tỉ lệ dưới {limit:.3g} là triệt tiêu).",
    "unstable_loss.swings": "Từ epoch {from_epoch} đến epoch {to_epoch}, hàm lỗi huấn luyện tăng vọt hơn {jump:.0%} "
                            "tới {ups} lần và giảm mạnh tương tự {downs} lần trong {steps} bước (lần tăng lớn nhất: "
                            "+{largest:.0%}).",
    "slow_convergence.falling": "Đến cuối, hàm lỗi huấn luyện vẫn còn đang giảm: nó giảm ở {down_share:.0%} số epoch "
                                "từ {from_epoch} đến {to_epoch}, và {window:.0%} cuối cùng của quá trình đóng góp "
                                "{late_share:.0%} tổng mức giảm (một đường cong đã hội tụ thì phải nằm ngang). Cuối "
                                "cùng hàm lỗi là {end:.3g}, bằng {end_share:.0%} giá trị ban đầu {start:.3g}.",
    "overfitting.rise": "Hàm lỗi kiểm định đạt cực tiểu {min:.3g} tại epoch {min_epoch}, rồi tăng lên {end:.3g} ở "
                        "epoch {end_epoch} (theo trung vị trượt trên {window} epoch: gấp {ratio:.3g} lần cực tiểu, "
                        "đánh mất {giveback_shown:.0%} mức cải thiện) trong khi hàm lỗi huấn luyện vẫn tiếp tục "
                        "giảm, từ {train_at_min:.3g} xuống {train_end:.3g}.",
    "underfitting.chance_classes": "Cả hai hàm lỗi đều cao và sát nhau: hàm lỗi huấn luyện chững lại ở {end:.3g}, "
                                   "bằng {level:.0%} hàm lỗi của việc đoán ngẫu nhiên giữa {classes} lớp (ln C = "
                                   "{reference:.3g}), và hàm lỗi kiểm định là {val_end:.3g}.",
    "underfitting.chance_two": "Cả hai hàm lỗi đều cao và sát nhau: hàm lỗi huấn luyện chững lại ở {end:.3g}, bằng "
                               "{level:.0%} hàm lỗi của việc đoán ngẫu nhiên giữa hai lớp (ln 2 = {reference:.3g}; "
                               "nhật ký không cho biết có bao nhiêu lớp), và hàm lỗi kiểm định là {val_end:.3g}.",
    "underfitting.start": "Cả hai hàm lỗi đều cao và sát nhau: hàm lỗi huấn luyện chững lại ở {end:.3g}, bằng "
                          "{level:.0%} giá trị ban đầu {reference:.3g}, và hàm lỗi kiểm định là {val_end:.3g}.",
}

CLAUSES_VI = {
    "previous": "Ngay trước đó, tại epoch {previous_epoch}, nó là {previous:.3g}.",
    "update": "Mỗi bước cập nhật thay đổi trọng số bằng {update_ratio_per_update:.3g} lần chuẩn của chúng (cs231n: "
              "khoảng {update_healthy:.3g}).",
    "update_outside": "Mỗi bước cập nhật thay đổi trọng số bằng {update_ratio_per_update:.3g} lần chuẩn của chúng "
                      "(cs231n: khoảng {update_healthy:.3g}; nằm ngoài khoảng lành mạnh {update_lo:.3g} đến "
                      "{update_hi:.3g} của TheDeepChecker).",
    "explained_by": "Đây là hệ quả của chẩn đoán \"{cause_title}\".",
    "settled_at_once": "Nhưng hàm lỗi đã đạt mức đó từ epoch {settled_epoch} và giữ nguyên: nếu giá trị đầu tiên "
                       "trong log đã là sau một phần huấn luyện, đây có thể là mức nhiễu của dữ liệu chứ không phải "
                       "mô hình bị kẹt ở mức cao.",
    "dead_layer": "Không tín hiệu nào đi qua được lớp đó, nên đầu ra như nhau với mọi đầu vào.",
    "dead_units": "Nút chết không truyền đạo hàm ngược lại, nên chúng không bao giờ hồi phục.",
    "dead_overall": "Tính trên mọi lớp ẩn, {dead_share:.0%} số nút đã chết.",
    "vanish_update": "Mỗi epoch, trọng số của lớp đầu tiên thay đổi {first_update:.3g} lần chuẩn của chúng, của lớp "
                     "đầu ra là {last_update:.3g} (trung vị).",
    "acc_gap": "Độ chính xác huấn luyện cuối cùng cao hơn độ chính xác kiểm định {acc_gap_points:.0f} điểm phần trăm "
               "(AUTOTRAINER coi chênh lệch {acc_gap_limit_points:.0f} điểm là overfitting).",
    "accuracy": "Độ chính xác huấn luyện tốt nhất là {best_acc:.0%} (AUTOTRAINER: dưới {accuracy_limit:.0%} nghĩa là "
                "quá trình huấn luyện chưa hội tụ).",
    "val_accuracy": "Độ chính xác kiểm định tốt nhất là {best_acc:.0%} (AUTOTRAINER: dưới {accuracy_limit:.0%} nghĩa "
                    "là quá trình huấn luyện chưa hội tụ).",
}

SKIPS_VI = {
    "few_epochs": "cần ít nhất {need} epoch có hàm lỗi huấn luyện hữu hạn, nhật ký có {have}",
    "no_val": "cần một cột hàm lỗi kiểm định",
    "few_val": "cần ít nhất {need} epoch có hàm lỗi kiểm định",
    "no_layers": "cần các cột đo theo từng lớp (xem phần định dạng tệp)",
    "no_layer_column": "cần cột đo theo từng lớp {quantity}",
    "empty_layer_column": "cột đo theo từng lớp {quantity} trống",
    "few_grad": "cần chuẩn gradient của ít nhất hai lớp qua nhiều epoch",
}
# The page points to its own format table rather than to a Python name.
SKIPS_EN_PAGE = {"no_layers": "needs per-layer columns (see the accepted formats)"}

NOTES_VI = {
    "sep_semicolon": "đọc như tệp phân tách bằng dấu chấm phẩy",
    "sep_tab": "đọc như tệp phân tách bằng dấu tab",
    "sep_pipe": "đọc như tệp phân tách bằng dấu |",
    "decimal_commas": "đọc dấu phẩy thập phân thành dấu chấm thập phân",
    "epoch_filled": "các dòng không có epoch được gán epoch của dòng phía trên",
    "epoch_from_step": "không có cột epoch: mỗi bước (step) được ghi lại được coi là một epoch",
    "epoch_from_row": "không có cột epoch: mỗi dòng được coi là một epoch, theo thứ tự trong tệp",
    "repeated": "{count} epoch xuất hiện trên nhiều dòng ({shown}): giữ lại dòng cuối cùng của mỗi epoch",
    "dropped": "bỏ qua {count} epoch không có giá trị hàm lỗi huấn luyện",
    "percent_train_acc": "độ chính xác huấn luyện được ghi theo phần trăm: đã chia cho 100",
    "percent_val_acc": "độ chính xác kiểm định được ghi theo phần trăm: đã chia cho 100",
}

ERRORS_VI = {
    "no_file": "không có tệp: {path}",
    "directory": "{path} là một thư mục, không phải tệp CSV",
    "too_big_file": "tệp có dung lượng {size_mb:.1f} MB; giới hạn là {limit_mb:.0f} MB",
    "unreadable": "không đọc được {path}: {reason}",
    "source": "cần một đường dẫn, dữ liệu bytes hoặc một đối tượng tệp, nhưng nhận được {kind}",
    "too_big": "tệp vượt quá giới hạn {limit_mb:.0f} MB",
    "empty": "tệp trống",
    "utf16": "tệp không phải văn bản đọc được (mã UTF-16 hỏng)",
    "binary": "đây là tệp nhị phân, không phải tệp văn bản CSV",
    "too_many_rows": "tệp có {rows} dòng; giới hạn là {limit}",
    "not_csv": "tệp không phải CSV hợp lệ: {detail}",
    "no_rows": "tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào",
    "no_header": "dòng đầu tiên phải ghi tên các cột (ví dụ epoch,loss,val_loss), nhưng nó lại chứa các con số",
    "ragged": "dòng {line} có {cells} ô nhưng dòng tiêu đề chỉ có {width}",
    "single_column": "chỉ tìm thấy một cột ({found}); tệp phải được phân tách bằng dấu phẩy, dấu chấm phẩy hoặc "
                     "tab, và có một cột hàm lỗi huấn luyện như 'loss' hoặc 'train_loss'",
    "no_loss": "không có cột hàm lỗi huấn luyện: tìm thấy {found}; cần một trong các tên {expected} (xem bảng tên "
               "cột bên dưới)",
    "not_number": "cột '{column}', dòng {line}: '{value}' không phải là một số",
    "no_loss_values": "không dòng nào có giá trị trong cột hàm lỗi huấn luyện '{column}'",
    "one_epoch": "chỉ có {count} epoch có hàm lỗi huấn luyện: một đường cong cần ít nhất {need}",
    "no_epochs": "cột epoch trống",
    "epoch_not_whole": "cột epoch phải chứa các số nguyên (nhỏ hơn {limit:.0e})",
}
ERRORS_EN_PAGE = {"no_loss": "no training-loss column: found {found}; expected one of {expected} (see the table of "
                             "column names below)"}


def _pairs(prefix: str, english: dict[str, str], vietnamese: dict[str, str], page: dict | None = None) -> dict:
    """{f"{prefix}.{key}": (English, Vietnamese)} for every English template; a KeyError names a missing translation."""
    return {f"{prefix}.{k}": ((page or {}).get(k, en), vietnamese[k]) for k, en in english.items()}


def _evidence_key(key: str) -> str:
    code, kind = key.split(".", 1)
    return f"doctor.{code}.evidence.{kind}"


TEXT = {}
for _code, _problem in doctor.PROBLEMS.items():
    TEXT[f"doctor.{_code}.title"] = (_problem.title, TITLES_VI[_code])
    if len(FIXES_VI[_code]) != len(_problem.fixes):
        raise KeyError(f"doctor.{_code}: {len(_problem.fixes)} fixes, {len(FIXES_VI[_code])} translated")
    for _i, (_en, _vi) in enumerate(zip(_problem.fixes, FIXES_VI[_code])):
        TEXT[f"doctor.{_code}.fix{_i}"] = (_en, _vi)
TEXT.update({_evidence_key(k): (en, EVIDENCE_VI[k]) for k, en in doctor.EVIDENCE.items()})
TEXT.update(_pairs("doctor.clause", doctor.CLAUSES, CLAUSES_VI))
TEXT.update(_pairs("doctor.skip", doctor.SKIPS, SKIPS_VI, SKIPS_EN_PAGE))
TEXT.update(_pairs("doctor.note", logs.NOTES, NOTES_VI))
TEXT.update(_pairs("doctor.error", logs.LogError.MESSAGES, ERRORS_VI, ERRORS_EN_PAGE))

# -- the Doctor page ---------------------------------------------------------------------------------------------------

TEXT.update({
    "doctor.intro": (
        "The doctor reads a training log — the loss of every epoch, and the measurements of every layer when the log "
        "has them — and runs the tests that published tools use to catch a failing training run (AUTOTRAINER, "
        "TheDeepChecker, UMLAUT, cs231n's rules of thumb). For each problem it finds, it says **what** it is, "
        "**the numbers that show it**, **the lecture's fix**, and links to the page where the problem is recreated. "
        "Open an example log, upload your own (Keras, PyTorch Lightning, or a plain CSV), or train a network here.",
        "Bác sĩ đọc nhật ký huấn luyện — hàm lỗi của từng epoch, và các số đo của từng lớp nếu nhật ký có — rồi chạy "
        "các phép kiểm tra mà những công cụ đã công bố dùng để phát hiện một lần huấn luyện gặp sự cố (AUTOTRAINER, "
        "TheDeepChecker, UMLAUT, các quy tắc kinh nghiệm của cs231n). Với mỗi vấn đề tìm thấy, bác sĩ nói rõ **đó là "
        "gì**, **những con số cho thấy nó**, **cách khắc phục theo bài giảng**, và dẫn tới trang tái hiện vấn đề đó. "
        "Hãy mở một nhật ký mẫu, tải lên nhật ký của bạn (Keras, PyTorch Lightning hoặc một tệp CSV đơn giản), hoặc "
        "huấn luyện một mạng ngay tại đây."),
    "doctor.see_page": ("See the page: {page}", "Xem trang: {page}"),
    "doctor.ctl.mode": ("Training log", "Nhật ký huấn luyện"),
    "doctor.mode.example": ("An example log", "Nhật ký mẫu"),
    "doctor.mode.upload": ("Upload a CSV log", "Tải lên nhật ký CSV"),
    "doctor.mode.train": ("Train a network here", "Huấn luyện một mạng tại đây"),
    "doctor.ctl.example": ("Example log", "Nhật ký mẫu"),
    "doctor.ex.keras_overfit": ("Keras CSVLogger — a wide, deep network on few noisy points",
                                "Keras CSVLogger — mạng rộng và sâu trên ít điểm dữ liệu nhiễu"),
    "doctor.ex.lightning_diverged": ("PyTorch Lightning CSVLogger — a learning rate too large",
                                     "PyTorch Lightning CSVLogger — hệ số học quá lớn"),
    "doctor.ex.plain_healthy": ("Plain epoch, train_loss, val_loss — a well-tuned network",
                                "epoch, train_loss, val_loss đơn giản — một mạng được chỉnh tốt"),
    "doctor.ex.keras_slow": ("Keras CSVLogger — a learning rate too small",
                             "Keras CSVLogger — hệ số học quá bé"),
    "doctor.ex.ours_vanishing": ("This app's export — ten sigmoid layers (per-layer columns)",
                                 "Tệp xuất của ứng dụng — mười lớp sigmoid (có cột theo từng lớp)"),
    "doctor.ex.ours_dying": ("This app's export — ReLU units started with a negative bias (per-layer columns)",
                             "Tệp xuất của ứng dụng — nút ReLU khởi tạo bias âm (có cột theo từng lớp)"),
    "doctor.about.keras_overfit": (
        "The Overfitting page's network (three layers of 32 ReLU units, few noisy points) trained by this app and "
        "written the way Keras' CSVLogger writes its file: a row per epoch counted from 0, with loss, accuracy, "
        "val_loss and val_accuracy.",
        "Mạng của trang Overfitting (ba lớp, mỗi lớp 32 nút ReLU, ít điểm dữ liệu nhiễu) do ứng dụng này huấn luyện "
        "và được ghi theo cách CSVLogger của Keras ghi tệp: mỗi epoch một dòng, đếm từ 0, với loss, accuracy, "
        "val_loss và val_accuracy."),
    "doctor.about.lightning_diverged": (
        "A linear model fitted by full-batch gradient descent with a learning rate just above what the loss's "
        "curvature allows: the loss falls for a few epochs, creeps back up, then explodes. Written as PyTorch "
        "Lightning's metrics.csv: validation and epoch values on rows of their own, empty cells elsewhere, and the "
        "learning-rate monitor's column; the doctor merges the rows of each epoch.",
        "Một mô hình tuyến tính học bằng batch gradient descent với hệ số học vừa vượt quá mức độ cong của hàm lỗi "
        "cho phép: hàm lỗi giảm trong vài epoch, nhích dần lên, rồi bùng nổ. Được ghi theo dạng metrics.csv của "
        "PyTorch Lightning: giá trị kiểm định và giá trị của epoch nằm trên các dòng riêng, các ô khác để trống, "
        "thêm cột của bộ theo dõi hệ số học; bác sĩ gộp các dòng của cùng một epoch."),
    "doctor.about.plain_healthy": (
        "A well-tuned network (two layers of 16 ReLU units, He initialization, Adam with a decaying rate, a little "
        "L2) in the simplest log there is: epoch, train_loss, val_loss. A healthy run for comparison.",
        "Một mạng được chỉnh tốt (hai lớp 16 nút ReLU, khởi tạo He, Adam với hệ số học giảm dần, một chút L2) trong "
        "dạng nhật ký đơn giản nhất: epoch, train_loss, val_loss. Một lần chạy khỏe mạnh để so sánh."),
    "doctor.about.keras_slow": (
        "The Learning-rates page's network with a rate a hundred times too small, as a Keras log: every step goes "
        "the right way, but it is so short that the loss is still falling steadily when training stops.",
        "Mạng của trang Hệ số học với hệ số học nhỏ hơn cần thiết cả trăm lần, ghi dạng nhật ký Keras: bước nào "
        "cũng đúng hướng nhưng quá ngắn, nên đến khi dừng huấn luyện hàm lỗi vẫn còn đang giảm đều."),
    "doctor.about.ours_vanishing": (
        "The Vanishing-gradients page's network (ten sigmoid layers) in this app's own export, which adds per-layer "
        "columns: gradient norms, dead and saturated units, update ratios. With them the doctor can run its "
        "layer-level checks.",
        "Mạng của trang Gradient vanishing (mười lớp sigmoid) trong tệp xuất của chính ứng dụng này, có thêm các cột "
        "theo từng lớp: chuẩn gradient, tỉ lệ nút chết và nút bão hoà, tỉ lệ cập nhật. Nhờ đó bác sĩ chạy được các "
        "phép kiểm tra theo từng lớp."),
    "doctor.about.ours_dying": (
        "The Dying-ReLU page's network, whose ReLU units start with a bias of −3, in this app's export with "
        "per-layer columns: the share of dead units tells the story.",
        "Mạng của trang Dying ReLU, các nút ReLU khởi tạo với bias bằng −3, trong tệp xuất của ứng dụng có cột theo "
        "từng lớp: tỉ lệ nút chết kể lại câu chuyện."),
    "doctor.example.file": ("The file: {name}", "Nội dung tệp: {name}"),
    "doctor.upload.widget": ("Your training log (CSV)", "Nhật ký huấn luyện của bạn (CSV)"),
    "doctor.upload.help": ("Keras or Lightning CSVLogger files, this app's export, or any CSV with an epoch and a "
                           "loss column; at most {mb:.0f} MB.",
                           "Tệp CSVLogger của Keras hay Lightning, tệp xuất của ứng dụng, hoặc bất kỳ CSV nào có cột "
                           "epoch và cột hàm lỗi; tối đa {mb:.0f} MB."),
    "doctor.upload.none": ("Choose a CSV file: the doctor reads it here, on the server, and keeps nothing.",
                           "Hãy chọn một tệp CSV: bác sĩ đọc nó ngay trên máy chủ và không lưu lại gì."),
    "doctor.upload.not_in_link": (
        "An uploaded file cannot be put in a share link: whoever opens your link sees this page without it. "
        "Everything else on the page (the mode, the example, the training settings) is in the link.",
        "Tệp tải lên không thể nằm trong đường dẫn chia sẻ: người mở đường dẫn của bạn sẽ thấy trang này mà không có "
        "tệp. Mọi thứ khác trên trang (chế độ, nhật ký mẫu, thiết lập huấn luyện) đều nằm trong đường dẫn."),
    "doctor.upload.bad": ("The doctor could not read {name}:", "Bác sĩ không đọc được {name}:"),
    "doctor.upload.see_formats": ("The accepted formats and column names are listed below.",
                                  "Các định dạng và tên cột được chấp nhận có ở bên dưới."),
    "doctor.upload.ok": ("Read {name}: {epochs} epochs, {format}.", "Đã đọc {name}: {epochs} epoch, {format}."),
    "doctor.format.nncore": ("this app's export", "tệp xuất của ứng dụng này"),
    "doctor.format.keras": ("Keras CSVLogger", "Keras CSVLogger"),
    "doctor.format.lightning": ("PyTorch Lightning CSVLogger", "PyTorch Lightning CSVLogger"),
    "doctor.format.plain": ("a plain CSV log", "nhật ký CSV đơn giản"),
    "doctor.format.run": ("a network trained on this page", "mạng được huấn luyện trên trang này"),
    "doctor.healthy": ("Healthy: the doctor found no training problem in this log.",
                       "Khỏe mạnh: bác sĩ không tìm thấy vấn đề huấn luyện nào trong nhật ký này."),
    "doctor.chart.loss": ("Loss", "Hàm lỗi"),
    "doctor.chart.accuracy": ("Accuracy", "Độ chính xác"),
    "doctor.chart.finding": ("finding", "chẩn đoán"),
    "doctor.chart.marks": ("The dotted red line marks the epoch a finding names (hover it).",
                           "Đường chấm đỏ đánh dấu epoch mà một chẩn đoán nhắc tới (rê chuột lên để xem)."),
    "doctor.chart.grad_norm": ("Gradient norm per layer", "Chuẩn gradient của từng lớp"),
    "doctor.chart.update_ratio": ("Update / weight ratio per layer", "Tỉ lệ cập nhật / trọng số của từng lớp"),
    "doctor.chart.dead_frac": ("Dead units per hidden layer", "Tỉ lệ nút chết của từng lớp ẩn"),
    "doctor.chart.saturated_frac": ("Saturated outputs per hidden layer", "Tỉ lệ đầu ra bão hoà của từng lớp ẩn"),
    "doctor.chart.distinct_units": ("Distinct units per hidden layer", "Số nút khác nhau của từng lớp ẩn"),
    "doctor.chart.layer_ramp": ("{first} (dark) → {last} (light)", "{first} (tối) → {last} (sáng)"),
    "doctor.layer.hidden": ("hidden {k}", "lớp ẩn {k}"),
    "doctor.layer.output": ("output", "lớp đầu ra"),
    "doctor.layers.title": ("Per-layer measurements", "Số đo theo từng lớp"),
    "doctor.layers.none": (
        "This log has no per-layer columns, so the doctor could not check for dead units, copied units or "
        "vanishing gradients (see the checks it could not make).",
        "Nhật ký này không có cột theo từng lớp, nên bác sĩ không thể kiểm tra nút chết, nút bị sao chép hay "
        "gradient vanishing (xem các phép kiểm tra chưa thực hiện được)."),
    "doctor.skipped.title": ("Checks the doctor could not make ({n})",
                             "Các phép kiểm tra bác sĩ chưa thực hiện được ({n})"),
    "doctor.read.title": ("How the log was read", "Cách đọc nhật ký"),
    "doctor.read.summary": ("Read as {format}: {epochs} epochs, from epoch {first} to epoch {last}.",
                            "Đọc theo dạng {format}: {epochs} epoch, từ epoch {first} đến epoch {last}."),
    "doctor.read.columns": ("Columns used:", "Các cột được dùng:"),
    "doctor.read.layers": ("Per-layer columns for {n} layers (the last one is taken as the output layer).",
                           "Có cột theo từng lớp cho {n} lớp (lớp cuối được coi là lớp đầu ra)."),
    "doctor.read.thinned": ("The log has {n} epochs: the charts draw every {k}th one (the doctor read them all).",
                            "Nhật ký có {n} epoch: biểu đồ chỉ vẽ một trong mỗi {k} epoch (bác sĩ đã đọc tất cả)."),
    "doctor.download": ("Download this log (CSV)", "Tải nhật ký này (CSV)"),
    "doctor.download.help": (
        "The download is this app's export: one row per epoch with every per-layer column. Upload it here, or give "
        "it to `python -m nncore.doctor`, and the doctor reads back exactly this run.",
        "Tệp tải về là tệp xuất của ứng dụng: mỗi epoch một dòng, kèm mọi cột theo từng lớp. Tải nó lên đây, hoặc "
        "đưa cho `python -m nncore.doctor`, và bác sĩ sẽ đọc lại đúng lần chạy này."),
    "doctor.formats.title": ("Accepted formats, column names and limits",
                             "Các định dạng, tên cột và giới hạn được chấp nhận"),
    "doctor.formats.body": (
        "- **Keras CSVLogger**: `epoch, loss, val_loss, accuracy, val_accuracy` (old Keras: `acc, val_acc`); other "
        "metric columns are ignored.\n"
        "- **PyTorch Lightning CSVLogger** (`metrics.csv`): `epoch, step` and one column per logged metric; training "
        "and validation values on separate rows with empty cells. Per epoch the doctor takes the mean of the "
        "training values and the last validation value; `train_loss_epoch` is preferred to `train_loss_step`.\n"
        "- **Plain**: `epoch, train_loss, val_loss` (any of the names below).\n"
        "- **This app's export** (the download buttons under every run): the same, plus per-layer columns.\n\n"
        "Column names are matched whatever their case, and `Train Loss`, `train/loss` and `train-loss` all read as "
        "`train_loss`. Only a training-loss column is required. Comma, semicolon (with decimal commas), tab or `|` "
        "separators. Limits: **{mb:.0f} MB** and **{rows} rows**; at least **{min_epochs} epochs**. A NaN or "
        "infinite loss is not an error: it is the evidence of a diverged run. If an epoch appears on several rows "
        "(a resumed run), its last row counts.",
        "- **Keras CSVLogger**: `epoch, loss, val_loss, accuracy, val_accuracy` (Keras cũ: `acc, val_acc`); các cột "
        "độ đo khác được bỏ qua.\n"
        "- **PyTorch Lightning CSVLogger** (`metrics.csv`): `epoch, step` và mỗi độ đo được ghi một cột; giá trị huấn "
        "luyện và kiểm định nằm trên các dòng riêng, ô còn lại để trống. Với mỗi epoch, bác sĩ lấy trung bình các "
        "giá trị huấn luyện và giá trị kiểm định cuối cùng; `train_loss_epoch` được ưu tiên hơn `train_loss_step`.\n"
        "- **Đơn giản**: `epoch, train_loss, val_loss` (hoặc các tên tương đương bên dưới).\n"
        "- **Tệp xuất của ứng dụng này** (các nút tải về dưới mỗi lần chạy): như trên, cộng thêm các cột theo từng "
        "lớp.\n\n"
        "Tên cột không phân biệt chữ hoa chữ thường, và `Train Loss`, `train/loss`, `train-loss` đều được đọc là "
        "`train_loss`. Chỉ bắt buộc có cột hàm lỗi huấn luyện. Dấu phân tách: dấu phẩy, dấu chấm phẩy (kèm dấu phẩy "
        "thập phân), tab hoặc `|`. Giới hạn: **{mb:.0f} MB** và **{rows} dòng**; ít nhất **{min_epochs} epoch**. Hàm "
        "lỗi NaN hay vô cùng không phải là lỗi tệp: đó là bằng chứng của một lần chạy bị phân kỳ. Nếu một epoch xuất "
        "hiện trên nhiều dòng (lần chạy được tiếp tục), dòng cuối cùng được dùng."),
    "doctor.formats.column": ("column", "cột"),
    "doctor.formats.names": ("accepted names", "các tên được chấp nhận"),
    "doctor.formats.layers": (
        "Per-layer columns (optional; they enable the layer checks) are written `<quantity>_<layer>` — e.g. "
        "`grad_norm_1`, `grad_norm_layer1`, `layer1_grad_norm` or `layer1/grad_norm` — with layers numbered from the "
        "input (0- or 1-based); the highest number is the output layer.",
        "Các cột theo từng lớp (không bắt buộc; có chúng thì mới kiểm tra được theo lớp) được viết "
        "`<đại lượng>_<lớp>` — ví dụ `grad_norm_1`, `grad_norm_layer1`, `layer1_grad_norm` hoặc `layer1/grad_norm` — "
        "các lớp được đánh số từ phía đầu vào (từ 0 hoặc từ 1); số lớn nhất là lớp đầu ra."),
    "doctor.ctl.data": ("Data set", "Tập dữ liệu"),
    "doctor.data.moons": ("moons", "hai nửa vầng trăng"),
    "doctor.data.circles": ("circles", "hai vòng tròn"),
    "doctor.data.xor": ("XOR", "XOR"),
    "doctor.data.spiral": ("spiral", "xoắn ốc"),
    "doctor.data.gauss": ("two Gaussians", "hai cụm Gauss"),
    "doctor.data.blobs": ("three classes (blobs)", "ba lớp (các cụm)"),
    "doctor.data.curve": ("1-D curve (regression)", "đường cong 1 chiều (hồi quy)"),
    "doctor.data.plane": ("plane (regression)", "mặt phẳng (hồi quy)"),
    "doctor.data.bumps": ("bumps (regression)", "mặt gồ ghề (hồi quy)"),
    "doctor.ctl.depth": ("Hidden layers", "Số lớp ẩn"),
    "doctor.ctl.depth_help": ("0 hidden layers is a linear (or logistic) model.",
                              "0 lớp ẩn là một mô hình tuyến tính (hoặc logistic)."),
    "doctor.ctl.width": ("Units per hidden layer", "Số nút mỗi lớp ẩn"),
    "doctor.ctl.act": ("Activation", "Hàm kích hoạt"),
    "doctor.act.sigmoid": ("sigmoid", "sigmoid"),
    "doctor.act.tanh": ("tanh", "tanh"),
    "doctor.act.relu": ("ReLU", "ReLU"),
    "doctor.act.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "doctor.act.linear": ("linear", "tuyến tính"),
    "doctor.ctl.init": ("Initialization", "Khởi tạo"),
    "doctor.init.zeros": ("zeros", "toàn số 0"),
    "doctor.init.constant": ("constant", "hằng số"),
    "doctor.init.normal": ("normal (small)", "chuẩn (nhỏ)"),
    "doctor.init.uniform": ("uniform (small)", "đều (nhỏ)"),
    "doctor.init.xavier": ("Xavier", "Xavier"),
    "doctor.init.he": ("He", "He"),
    "doctor.ctl.opt": ("Optimizer", "Bộ tối ưu"),
    "doctor.opt.sgd": ("SGD", "SGD"),
    "doctor.opt.momentum": ("momentum", "quán tính (momentum)"),
    "doctor.opt.nesterov": ("Nesterov", "Nesterov"),
    "doctor.opt.adagrad": ("AdaGrad", "AdaGrad"),
    "doctor.opt.rmsprop": ("RMSprop", "RMSprop"),
    "doctor.opt.adam": ("Adam", "Adam"),
    "doctor.ctl.batch_help": ("1024 is more than the training points: full-batch gradient descent.",
                              "1024 nhiều hơn số điểm huấn luyện: batch gradient descent trên toàn bộ dữ liệu."),
    "doctor.ctl.l2": ("L2 penalty λ", "Hệ số L2 λ"),
    "doctor.ctl.dropout": ("Dropout rate", "Tỉ lệ dropout"),
    "doctor.train.tips": (
        "Make the doctor find something: SGD with a learning rate of 10 and a batch of 1024 (diverges), tanh units "
        "with SGD at 1 (an unstable loss), SGD at 0.0001 (a loss that falls very slowly), zeros initialization (identical units), "
        "eight sigmoid layers trained by SGD at 0.1 (vanishing gradients), the spiral with one layer of 2 units "
        "(underfitting). Then apply the lecture's fix and watch the verdict change.",
        "Hãy làm cho bác sĩ phát hiện ra vấn đề: SGD với hệ số học 10 và batch 1024 (phân kỳ), nút tanh với SGD "
        "và hệ số học 1 (hàm lỗi không ổn định), SGD với 0.0001 (hàm lỗi giảm rất chậm), khởi tạo toàn 0 (các nút giống hệt nhau), tám lớp "
        "sigmoid học bằng SGD với 0.1 (gradient vanishing), tập xoắn ốc với một lớp 2 nút (underfitting). Sau đó "
        "áp dụng cách khắc phục của bài giảng và xem chẩn đoán thay đổi."),
})
