"""Learning-rates page."""

TEXT = {
    "learning_rates.intro": (
        "The lecture reads three symptoms off the loss curve, each with its causes and its fix: the loss **rises "
        "steadily** (learning rate or momentum too large, or the gradient's sign wrong), the loss **falls very "
        "slowly** (learning rate too small, or batch gradient descent on a complex function), and the loss is "
        "**unstable, up and down** (learning rate still too large: lower it after a number of iterations). Pick a "
        "case: the problem is in the first column, its fix beside it, same data and same seed. Below the columns, "
        "a sweep over learning rates from 0.0001 to 10 shows every band at once.",
        "Bài giảng đọc ba dấu hiệu từ đường cong hàm lỗi, mỗi dấu hiệu có nguyên nhân và cách khắc phục riêng: "
        "hàm lỗi **tăng dần đều** (hệ số học hoặc hệ số quán tính quá lớn, hoặc đạo hàm bị ngược dấu), hàm lỗi "
        "**giảm rất chậm** (hệ số học quá bé, hoặc dùng batch gradient descent cho một hàm quá phức tạp), và hàm "
        "lỗi **không ổn định, tăng giảm thất thường** (hệ số học vẫn còn lớn: giảm nó sau một số vòng lặp). Chọn "
        "một trường hợp: vấn đề ở cột đầu, cách khắc phục bên cạnh, cùng dữ liệu và cùng seed. Bên dưới các cột, "
        "một lượt quét hệ số học từ 0,0001 đến 10 cho thấy mọi vùng cùng lúc."),
    "learning_rates.ctl.case": ("Symptom and cause", "Dấu hiệu và nguyên nhân"),
    "learning_rates.case.rising_lr": ("Rising: rate too large", "Tăng: hệ số học quá lớn"),
    "learning_rates.case.rising_momentum": ("Rising: momentum too large", "Tăng: quán tính quá lớn"),
    "learning_rates.case.rising_sign": ("Rising: gradient sign flipped", "Tăng: đạo hàm ngược dấu"),
    "learning_rates.case.diverged": ("Diverged: absurd rate", "Phân kỳ: hệ số học quá vô lý"),
    "learning_rates.case.slow_lr": ("Slow: rate too small", "Chậm: hệ số học quá bé"),
    "learning_rates.case.slow_batch": ("Slow: batch gradient descent", "Chậm: batch gradient descent"),
    "learning_rates.case.unstable_lr": ("Unstable: rate still too large", "Không ổn định: hệ số học vẫn lớn"),
    "learning_rates.ctl.lr_problem": ("Learning rate α (problem)", "Hệ số học α (vấn đề)"),
    "learning_rates.ctl.lr_all": ("Learning rate α (every column)", "Hệ số học α (mọi cột)"),
    "learning_rates.ctl.fix_lr": ("Learning rate α (fix)", "Hệ số học α (cách khắc phục)"),
    "learning_rates.ctl.mu": ("Momentum μ (problem)", "Hệ số quán tính μ (vấn đề)"),
    "learning_rates.ctl.fix_mu": ("Momentum μ (fix)", "Hệ số quán tính μ (cách khắc phục)"),
    "learning_rates.ctl.flip": ("Gradient sign flipped from epoch", "Đạo hàm bị đổi dấu từ epoch"),
    "learning_rates.ctl.batch": ("Mini-batch size (fix)", "Kích thước mini-batch (cách khắc phục)"),
    "learning_rates.ctl.decay": ("Decay factor (fixes)", "Hệ số giảm (cách khắc phục)"),
    "learning_rates.ctl.every": ("… every so many epochs", "… sau mỗi bấy nhiêu epoch"),
    "learning_rates.about.rising_lr": (
        "**Loss rising steadily — learning rate too large.** A linear model fits a tilted plane, so its loss is an "
        "exact bowl. A step longer than the bowl allows jumps over the bottom and lands higher on the other side; "
        "the gradient there is steeper, so the next step jumps further still, and the loss climbs every epoch. "
        "Push the rate a little higher and it climbs until the engine stops it as diverged. Fix: a smaller rate.",
        "**Hàm lỗi tăng dần đều — hệ số học quá lớn.** Một mô hình tuyến tính khớp một mặt phẳng nghiêng, nên hàm "
        "lỗi của nó là một cái bát hoàn hảo. Bước đi dài hơn mức cái bát cho phép sẽ nhảy qua đáy và rơi xuống chỗ "
        "cao hơn ở phía bên kia; ở đó gradient dốc hơn, nên bước sau còn nhảy xa hơn, và hàm lỗi tăng sau mỗi "
        "epoch. Tăng hệ số học thêm chút nữa thì hàm lỗi tăng cho đến khi chương trình dừng lại vì phân kỳ. Cách "
        "khắc phục: hệ số học nhỏ hơn."),
    "learning_rates.about.rising_momentum": (
        "**Loss rising steadily — momentum too large.** The same bowl, with Nesterov momentum and a rate that "
        "would be fine on its own. The velocity v := μ·v + ∇θ carries roughly the last 1/(1 − μ) gradients — "
        "20 of them at μ = 0.95 — so each step keeps the speed of the previous ones and overshoots the bottom "
        "by more every time. Fix: a smaller momentum coefficient μ.",
        "**Hàm lỗi tăng dần đều — hệ số quán tính quá lớn.** Vẫn cái bát đó, dùng quán tính Nesterov với một hệ số "
        "học vốn ổn nếu không có quán tính. Vận tốc v := μ·v + ∇θ mang theo khoảng 1/(1 − μ) gradient gần nhất — "
        "20 gradient khi μ = 0,95 — nên mỗi bước giữ đà của các bước trước và vượt qua đáy ngày càng xa. Cách "
        "khắc phục: giảm hệ số quán tính μ."),
    "learning_rates.about.rising_sign": (
        "**Loss rising steadily — the gradient's sign is wrong.** A small tanh network trains normally until a "
        "bug flips the sign of its gradient (the dotted line). From then on every update is θ := θ + α·∇θ: it "
        "climbs the loss instead of descending it, steadily, at the speed it used to descend. Fix: correct the "
        "sign. Move the slider to flip it earlier or later.",
        "**Hàm lỗi tăng dần đều — đạo hàm bị ngược dấu.** Một mạng tanh nhỏ học bình thường cho đến khi một lỗi "
        "lập trình đổi dấu gradient (đường chấm). Từ đó mọi bước cập nhật thành θ := θ + α·∇θ: đi lên dốc hàm lỗi "
        "thay vì đi xuống, đều đặn, với đúng tốc độ trước đây nó đi xuống. Cách khắc phục: sửa lại dấu. Kéo thanh "
        "trượt để đổi dấu sớm hơn hoặc muộn hơn."),
    "learning_rates.about.diverged": (
        "**Diverged — an absurd learning rate.** With α = 100 the very first step throws the weights so far that "
        "the loss explodes. The engine stops such a run at once and says why (in red, and explained under the "
        "charts); its loss curve has only two points. This is the far end of \"rate too large\". Fix: a "
        "sensible, much smaller rate.",
        "**Phân kỳ — hệ số học quá vô lý.** Với α = 100, ngay bước đầu tiên trọng số đã bị ném đi quá xa và hàm "
        "lỗi bùng nổ. Chương trình dừng lần chạy đó ngay và nói rõ lý do (màu đỏ, và được giải thích dưới các biểu "
        "đồ); đường cong hàm lỗi chỉ có hai điểm. Đây là tận cùng của \"hệ số học quá lớn\". Cách khắc phục: một "
        "hệ số học hợp lý, nhỏ hơn nhiều."),
    "learning_rates.about.slow_lr": (
        "**Loss falling very slowly — learning rate too small.** Every step points the right way but is tiny: "
        "after 200 epochs the loss still slopes gently downwards, far from where it could be, and the boundary "
        "has barely started to bend. Nothing is broken, it is just crawling. Fix: a larger rate.",
        "**Hàm lỗi giảm rất chậm — hệ số học quá bé.** Bước nào cũng đúng hướng nhưng quá ngắn: sau 200 epoch hàm "
        "lỗi vẫn chỉ dốc xuống nhè nhẹ, còn xa mức có thể đạt được, và ranh giới quyết định mới bắt đầu uốn. "
        "Không có gì hỏng cả, chỉ là đang bò. Cách khắc phục: hệ số học lớn hơn."),
    "learning_rates.about.slow_batch": (
        "**Loss falling very slowly — batch gradient descent on a complex function.** To separate the two arms "
        "of the spiral the boundary must wind around; batch gradient descent computes each update from all the "
        "data, so it makes one update per epoch — 60 careful steps in 60 epochs. Mini-batches see the same data "
        "per epoch but update after every few samples: several times the steps for the same work, and the noise "
        "of each small batch helps too. Fix: mini-batches.",
        "**Hàm lỗi giảm rất chậm — dùng batch gradient descent cho hàm quá phức tạp.** Để tách hai nhánh của "
        "hình xoắn ốc, ranh giới phải uốn lượn vòng quanh; batch gradient descent tính mỗi bước cập nhật từ toàn "
        "bộ dữ liệu, nên mỗi epoch chỉ cập nhật một lần — 60 bước thận trọng trong 60 epoch. Mini-batch cũng "
        "duyệt hết dữ liệu mỗi epoch nhưng cập nhật sau mỗi nhóm nhỏ mẫu: gấp nhiều lần số bước với cùng khối "
        "lượng tính toán, và nhiễu của từng batch nhỏ cũng giúp ích. Cách khắc phục: dùng mini-batch."),
    "learning_rates.about.unstable_lr": (
        "**Loss unstable, up and down — learning rate still too large.** The rate is small enough to make "
        "progress but too large to settle: near the bottom of the valley each step jumps across it, and the loss "
        "bounces. The lecture's fix: lower the rate after a number of iterations. Three ways to do it, drawn "
        "under each loss: step decay (multiply by the factor every few epochs), exponential decay (the smooth "
        "version) and 1/t decay (fast at first, then ever more slowly).",
        "**Hàm lỗi không ổn định, tăng giảm thất thường — hệ số học vẫn còn lớn.** Hệ số học đủ nhỏ để tiến bộ "
        "nhưng quá lớn để ổn định: gần đáy thung lũng mỗi bước lại nhảy sang bờ bên kia, và hàm lỗi nảy lên nảy "
        "xuống. Cách khắc phục của bài giảng: giảm hệ số học sau một số vòng lặp nhất định. Ba cách làm, vẽ dưới "
        "mỗi đường hàm lỗi: giảm theo bậc (nhân với hệ số giảm sau mỗi vài epoch), giảm theo hàm mũ (phiên bản "
        "mượt) và giảm theo 1/t (nhanh lúc đầu, sau đó ngày càng chậm)."),
    "learning_rates.v.rising_lr.problem": ("Problem: rate too large", "Vấn đề: hệ số học quá lớn"),
    "learning_rates.v.rising_lr.smaller_lr": ("Smaller learning rate", "Hệ số học nhỏ hơn"),
    "learning_rates.v.rising_momentum.problem": ("Problem: momentum too large", "Vấn đề: quán tính quá lớn"),
    "learning_rates.v.rising_momentum.smaller_momentum": ("Smaller momentum", "Quán tính nhỏ hơn"),
    "learning_rates.v.rising_sign.problem": ("Problem: gradient sign flipped", "Vấn đề: đạo hàm ngược dấu"),
    "learning_rates.v.rising_sign.correct_sign": ("Correct sign", "Sửa lại dấu"),
    "learning_rates.v.diverged.problem": ("Problem: absurd rate", "Vấn đề: hệ số học vô lý"),
    "learning_rates.v.diverged.smaller_lr": ("Smaller learning rate", "Hệ số học nhỏ hơn"),
    "learning_rates.v.slow_lr.problem": ("Problem: rate too small", "Vấn đề: hệ số học quá bé"),
    "learning_rates.v.slow_lr.larger_lr": ("Larger learning rate", "Hệ số học lớn hơn"),
    "learning_rates.v.slow_batch.problem": ("Problem: batch gradient descent", "Vấn đề: batch gradient descent"),
    "learning_rates.v.slow_batch.mini_batches": ("Mini-batches", "Mini-batch"),
    "learning_rates.v.unstable_lr.problem": ("Problem: rate still too large", "Vấn đề: hệ số học vẫn lớn"),
    "learning_rates.v.unstable_lr.step_decay": ("Step decay", "Giảm theo bậc"),
    "learning_rates.v.unstable_lr.exponential_decay": ("Exponential decay", "Giảm theo hàm mũ"),
    "learning_rates.v.unstable_lr.inverse_time_decay": ("1/t decay", "Giảm theo 1/t"),
    "learning_rates.s.lr": ("α = {lr:g}", "α = {lr:g}"),
    "learning_rates.s.momentum": ("μ = {mu:g}, α = {lr:g}", "μ = {mu:g}, α = {lr:g}"),
    "learning_rates.s.flipped": ("sign flipped from epoch {epoch}", "đổi dấu từ epoch {epoch}"),
    "learning_rates.s.sign_ok": ("θ := θ − α·∇θ throughout", "θ := θ − α·∇θ suốt quá trình"),
    "learning_rates.s.batch": ("{k} samples per update, {steps} updates per epoch",
                               "{k} mẫu mỗi lần cập nhật, {steps} lần cập nhật mỗi epoch"),
    "learning_rates.s.step": ("α = {lr:g}, × {rate:g} every {every} epochs",
                              "α = {lr:g}, × {rate:g} sau mỗi {every} epoch"),
    "learning_rates.s.exponential": ("α = {lr:g} · {rate:g}^(epoch/{every})", "α = {lr:g} · {rate:g}^(epoch/{every})"),
    "learning_rates.s.inverse_time": ("α = {lr:g} / (1 + (1/{rate:g} − 1)·epoch/{every})",
                                      "α = {lr:g} / (1 + (1/{rate:g} − 1)·epoch/{every})"),
    "learning_rates.mark.flip": ("sign flipped", "đổi dấu"),
    "learning_rates.mark.healthy": ("healthy per update (cs231n)", "mức khoẻ mạnh mỗi lần cập nhật (cs231n)"),
    "learning_rates.s.full_batch": ("all {k} training samples per update: 1 update per epoch",
                                    "cả {k} mẫu huấn luyện cho mỗi lần cập nhật: 1 lần mỗi epoch"),
    "learning_rates.diverged.big": (
        "Why it stopped: the engine ends a run once its training loss passes {factor:g} times its starting value "
        "(or {factor:g}, if it started below 1). After epoch {epoch}, at learning rate {lr:g}, the loss was "
        "{loss:.3g} — {times:.3g} times its start of {start:.3g}.",
        "Vì sao dừng: chương trình kết thúc lần chạy khi hàm lỗi huấn luyện vượt {factor:g} lần giá trị ban đầu "
        "(hoặc vượt {factor:g} nếu ban đầu nhỏ hơn 1). Sau epoch {epoch}, với hệ số học {lr:g}, hàm lỗi là "
        "{loss:.3g} — gấp {times:.3g} lần giá trị ban đầu {start:.3g}."),
    "learning_rates.diverged.nan": (
        "Why it stopped: after epoch {epoch}, at learning rate {lr:g}, the loss was no longer a number (NaN): the "
        "weights had overflowed. The engine ends a run there. (It started at {start:.3g}; limit {factor:g}×.)",
        "Vì sao dừng: sau epoch {epoch}, với hệ số học {lr:g}, hàm lỗi không còn là một con số (NaN): trọng số đã "
        "tràn số. Chương trình kết thúc lần chạy tại đó. (Ban đầu là {start:.3g}; giới hạn {factor:g} lần.)"),
    "learning_rates.diverged.inf": (
        "Why it stopped: after epoch {epoch}, at learning rate {lr:g}, the loss overflowed to infinity. The engine "
        "ends a run there. (It started at {start:.3g}; limit {factor:g}×.)",
        "Vì sao dừng: sau epoch {epoch}, với hệ số học {lr:g}, hàm lỗi tràn số thành vô cùng. Chương trình kết "
        "thúc lần chạy tại đó. (Ban đầu là {start:.3g}; giới hạn {factor:g} lần.)"),
    "learning_rates.fix.smaller_lr": ("Loss rising or diverging: lower the learning rate.",
                                      "Hàm lỗi tăng hoặc phân kỳ: giảm hệ số học."),
    "learning_rates.fix.smaller_momentum": ("Loss rising: lower the momentum coefficient μ.",
                                            "Hàm lỗi tăng: giảm hệ số quán tính μ."),
    "learning_rates.fix.sign": ("Loss rising: check the gradient's sign — the update must be θ := θ − α·∇θ.",
                                "Hàm lỗi tăng: kiểm tra dấu của đạo hàm — bước cập nhật phải là θ := θ − α·∇θ."),
    "learning_rates.fix.larger_lr": ("Loss falling very slowly: raise the learning rate.",
                                     "Hàm lỗi giảm rất chậm: tăng hệ số học."),
    "learning_rates.fix.mini_batches": (
        "Loss falling very slowly on a complex function: use mini-batches instead of the whole batch.",
        "Hàm lỗi giảm rất chậm với hàm phức tạp: dùng mini-batch thay vì cả batch."),
    "learning_rates.fix.decay": (
        "Loss unstable: lower the learning rate after a set number of iterations (step, exponential or 1/t decay).",
        "Hàm lỗi không ổn định: giảm hệ số học sau một số vòng lặp nhất định (giảm theo bậc, theo hàm mũ hoặc "
        "theo 1/t)."),
    "learning_rates.sweep.title": ("Learning-rate sweep: from 0.0001 to 10", "Quét hệ số học: từ 0,0001 đến 10"),
    "learning_rates.sweep.intro": (
        "{n} tiny networks (2-16-16-1, ReLU, plain full-batch gradient descent, {epochs} epochs, the same data and "
        "the same starting weights) differ only in their learning rate, from 0.0001 to 10 in steps of 1-2-5. "
        "Each rate gets a band from the numbers. **Diverged**: the engine stopped it. Otherwise its *progress* is "
        "how much of the loss it removed compared with the best rate of the sweep, (start − final) ÷ (start − "
        "best final). **Good**: progress of at least {good:.0%}. **Too low** or **too high**: less progress, with "
        "a rate below or above the best one. The other cases on this page are single points of this picture: "
        "too small crawls, too large bounces or climbs, and far too large explodes.",
        "{n} mạng rất nhỏ (2-16-16-1, ReLU, gradient descent cả batch thông thường, {epochs} epoch, cùng dữ liệu "
        "và cùng trọng số khởi tạo) chỉ khác nhau ở hệ số học, từ 0,0001 đến 10 theo các bước 1-2-5. Mỗi hệ số "
        "học được xếp vào một vùng dựa trên các con số. **Phân kỳ**: chương trình đã dừng lần chạy. Nếu không, "
        "*mức tiến bộ* là phần hàm lỗi đã giảm được so với hệ số học tốt nhất của lượt quét, (ban đầu − cuối) ÷ "
        "(ban đầu − cuối tốt nhất). **Tốt**: tiến bộ ít nhất {good:.0%}. **Quá bé** hoặc **quá lớn**: tiến bộ ít "
        "hơn, với hệ số học nhỏ hơn hoặc lớn hơn hệ số tốt nhất. Các trường hợp khác trên trang này chỉ là từng "
        "điểm của bức tranh này: quá bé thì bò, quá lớn thì nảy hoặc tăng, và lớn quá mức thì bùng nổ."),
    "learning_rates.sweep.training": ("Training {n} networks for the sweep…", "Đang huấn luyện {n} mạng cho lượt quét…"),
    "learning_rates.sweep.final_title": ("Final training loss by learning rate", "Hàm lỗi huấn luyện cuối theo hệ số học"),
    "learning_rates.sweep.curves_title": ("Every run's training loss", "Hàm lỗi huấn luyện của từng lần chạy"),
    "learning_rates.sweep.summary": (
        "This sweep: {low} rates too low, {good} good (from {lo:g} to {hi:g}), {high} too high, {diverged} "
        "diverged. Diverged runs are drawn at the top of the left chart; hover a point for its numbers.",
        "Lượt quét này: {low} hệ số học quá bé, {good} tốt (từ {lo:g} đến {hi:g}), {high} quá lớn, {diverged} "
        "phân kỳ. Các lần chạy phân kỳ được vẽ ở đỉnh biểu đồ bên trái; rê chuột lên một điểm để xem số liệu."),
    "learning_rates.band.too_low": ("too low", "quá bé"),
    "learning_rates.band.good": ("good", "tốt"),
    "learning_rates.band.too_high": ("too high", "quá lớn"),
    "learning_rates.band.diverged": ("diverged", "phân kỳ"),
    "learning_rates.ax.band": ("band", "vùng"),
    "learning_rates.ax.final": ("final training loss", "hàm lỗi huấn luyện cuối"),
    "learning_rates.ax.progress": ("progress", "mức tiến bộ"),
    "learning_rates.ax.epochs_run": ("epochs trained", "số epoch đã huấn luyện"),
}
