"""Strings of the page "Momentum and optimizers" (pages/optimizers.py) and of its charts (clinic/charts_lab.py)."""

TEXT = {
    "optimizers.intro": (
        "Plain gradient descent steps θ := θ − α ∇θ J, looking only at the slope where it stands. **Momentum** keeps "
        "a velocity v := μ v + ∇θ J and steps θ := θ − α v, so past gradients keep pushing; **Nesterov** momentum "
        "is a variant that looks one step ahead. **AdaGrad**, **RMSprop** and **Adam** adapt the step of every "
        "parameter to the size of its own gradients. Every path on this page is drawn by the same optimizer code "
        "that trains the networks. Pick a tab to show one idea at a time.",
        "Gradient descent thông thường bước θ := θ − α ∇θ J, chỉ nhìn độ dốc tại chỗ đang đứng. **Quán tính** "
        "(momentum) giữ một vận tốc v := μ v + ∇θ J rồi bước θ := θ − α v, nên các gradient trước đó vẫn tiếp tục "
        "đẩy; **Nesterov** momentum là biến thể nhìn trước một bước. **AdaGrad**, **RMSprop** và **Adam** tự điều "
        "chỉnh bước đi của từng tham số theo độ lớn gradient của chính nó. Mọi đường đi trên trang này được vẽ "
        "bằng chính đoạn mã tối ưu dùng để huấn luyện mạng. Chọn một thẻ để trình bày từng ý một."),
    "optimizers.tab.one": ("① One parameter", "① Một tham số"),
    "optimizers.tab.two": ("② Race on a surface", "② Đua trên mặt hàm lỗi"),
    "optimizers.tab.avg": ("③ Momentum's memory", "③ Trí nhớ của quán tính"),
    "optimizers.tab.adaptive": ("④ AdaGrad vs RMSprop", "④ AdaGrad và RMSprop"),
    "optimizers.tab.network": ("⑤ Race on a network", "⑤ Đua trên mạng nơ-ron"),
    "optimizers.tab.schedules": ("⑥ Rate decay", "⑥ Giảm hệ số học"),
    # optimizer names (legends, headers)
    "optimizers.opt.sgd": ("gradient descent", "gradient descent"),
    "optimizers.opt.momentum": ("momentum", "quán tính (momentum)"),
    "optimizers.opt.nesterov": ("Nesterov", "Nesterov"),
    "optimizers.opt.adagrad": ("AdaGrad", "AdaGrad"),
    "optimizers.opt.rmsprop": ("RMSprop", "RMSprop"),
    "optimizers.opt.adam": ("Adam", "Adam"),
    # shared controls
    "optimizers.ctl.mu": ("Momentum μ", "Hệ số quán tính μ"),
    "optimizers.ctl.steps": ("Steps", "Số bước"),
    "optimizers.ctl.at": ("Show the paths up to step", "Hiện đường đi đến bước"),
    "optimizers.ctl.at_help": ("Scrub through the iterations: drag to replay the paths step by step.",
                               "Kéo để xem lại đường đi qua từng bước lặp."),
    # ① one parameter
    "optimizers.ctl.curve": ("Function", "Hàm số"),
    "optimizers.curve.two_minima": ("x⁴ − 4x² + x: two minima", "x⁴ − 4x² + x: hai cực tiểu"),
    "optimizers.curve.quadratic": ("x² / 2: one minimum", "x² / 2: một cực tiểu"),
    "optimizers.ctl.lr_both": ("Learning rate α (both paths)", "Hệ số học α (cả hai đường)"),
    "optimizers.ctl.start": ("Start at θ =", "Bắt đầu tại θ ="),
    "optimizers.one.gd": ("Without momentum", "Không dùng quán tính"),
    "optimizers.one.momentum": ("With momentum (μ = {mu})", "Có dùng quán tính (μ = {mu})"),
    "optimizers.one.text": (
        "The lecture's one-parameter figure. Each dot is one iteration (fainter dots are earlier ones; the ring is "
        "the step shown). Without momentum the step is α times the slope, so it shrinks as the slope flattens and "
        "stops in the first dip it meets. With momentum the velocity still carries the gradients of the last "
        "≈ 1/(1 − μ) steps: the path overshoots, swings back, and can roll over a bump into a deeper valley.",
        "Hình minh họa một tham số của bài giảng. Mỗi chấm là một vòng lặp (chấm nhạt là các bước trước; vòng tròn "
        "là bước đang xem). Không có quán tính, bước đi bằng α nhân độ dốc, nên bước nhỏ dần khi dốc thoải dần và "
        "dừng ở chỗ trũng đầu tiên gặp phải. Có quán tính, vận tốc vẫn mang theo gradient của khoảng 1/(1 − μ) "
        "bước trước: đường đi vượt quá, quay lại, và có thể lăn qua một gò để vào thung lũng sâu hơn."),
    "optimizers.why1.two_minima": (
        "A local minimum near θ = 1.35 and a deeper, global one near θ = −1.47.",
        "Một cực tiểu địa phương gần θ = 1.35 và một cực tiểu toàn cục sâu hơn gần θ = −1.47."),
    "optimizers.why1.quadratic": (
        "One minimum at 0. Gradient descent multiplies θ by (1 − α) at every step: above α = 2 each step overshoots "
        "further than the last.",
        "Một cực tiểu tại 0. Gradient descent nhân θ với (1 − α) sau mỗi bước: khi α > 2, mỗi bước lại vượt quá xa "
        "hơn bước trước."),
    # how a path ended
    "optimizers.end.global": ("Step {step}: θ = {x:.3g}, in the global minimum.",
                              "Bước {step}: θ = {x:.3g}, ở cực tiểu toàn cục."),
    "optimizers.end.local": ("Step {step}: θ = {x:.3g}, in a local minimum (not the deepest).",
                             "Bước {step}: θ = {x:.3g}, ở một cực tiểu địa phương (không phải sâu nhất)."),
    "optimizers.end.moving": ("Step {step}: θ = {x:.3g}, f = {f:.3g}; {dist:.2g} from the nearest minimum.",
                              "Bước {step}: θ = {x:.3g}, f = {f:.3g}; cách cực tiểu gần nhất {dist:.2g}."),
    "optimizers.end.left_window": ("Stopped at step {step}: the next step would leave the plot far behind (the rate "
                                   "is too large for this function).",
                                   "Dừng ở bước {step}: bước tiếp theo sẽ văng rất xa khỏi hình (hệ số học quá lớn "
                                   "với hàm này)."),
    "optimizers.end.non_finite": ("Stopped at step {step}: the values overflowed.",
                                  "Dừng ở bước {step}: giá trị bị tràn số."),
    # ② two parameters
    "optimizers.ctl.surface": ("Surface", "Mặt hàm lỗi"),
    "optimizers.surf.ravine": ("ravine (ill-conditioned quadratic)", "khe hẹp (hàm bậc hai lệch)"),
    "optimizers.surf.rosenbrock": ("Rosenbrock's valley", "thung lũng Rosenbrock"),
    "optimizers.surf.beale": ("Beale", "Beale"),
    "optimizers.surf.saddle": ("saddle x² − y²", "yên ngựa x² − y²"),
    "optimizers.surf.himmelblau": ("Himmelblau (four minima)", "Himmelblau (bốn cực tiểu)"),
    "optimizers.surf.wells": ("two wells (local and global minimum)", "hai hố (cực tiểu địa phương và toàn cục)"),
    "optimizers.ctl.opts": ("Optimizers in the race", "Các bộ tối ưu tham gia"),
    "optimizers.ctl.steps_help": ("Iterations of every optimizer, from the same start (the black ring).",
                                  "Số vòng lặp của mỗi bộ tối ưu, từ cùng một điểm xuất phát (vòng tròn đen)."),
    "optimizers.h.hyper": ("Hyperparameters of each optimizer", "Siêu tham số của từng bộ tối ưu"),
    "optimizers.ctl.lr_opt": ("learning rate α", "hệ số học α"),
    "optimizers.ctl.lr_opt_help": ("Each surface starts from rates that show the rule's character there; they "
                                   "return when you change the surface.",
                                   "Mỗi mặt hàm lỗi bắt đầu với các hệ số học thể hiện rõ đặc điểm của từng quy "
                                   "tắc; chúng được đặt lại khi bạn đổi mặt hàm lỗi."),
    "optimizers.ctl.rho": ("decay ρ of the squared-gradient average", "hệ số ρ của trung bình bình phương gradient"),
    "optimizers.ctl.beta1": ("β₁ (momentum)", "β₁ (quán tính)"),
    "optimizers.ctl.beta2": ("β₂ (squared gradients)", "β₂ (bình phương gradient)"),
    "optimizers.ctl.eps": ("ε (keeps the division safe)", "ε (giữ phép chia an toàn)"),
    "optimizers.ctl.eps_help": (
        "Added to the squared-gradient sum before its square root (AdaGrad, RMSprop) or to the root (Adam), so the "
        "step never divides by zero. Tiny (1e-8) leaves the rate lr / √G; large, it swamps small gradients' "
        "G and the step shrinks towards plain SGD with rate lr / √ε.",
        "Được cộng vào tổng bình phương gradient trước khi lấy căn (AdaGrad, RMSprop) hoặc vào căn (Adam), để bước "
        "cập nhật không bao giờ chia cho 0. Rất nhỏ (1e-8) thì tốc độ vẫn là lr / √G; lớn thì nó lấn át G của các "
        "gradient nhỏ và bước cập nhật thu về SGD thường với tốc độ lr / √ε."),
    "optimizers.ctl.adagrad_note": ("AdaGrad has no decay: G sums every squared gradient so far.",
                                    "AdaGrad không có hệ số suy giảm: G cộng dồn mọi bình phương gradient từ đầu."),
    "optimizers.ctl.sgd_note": ("Plain gradient descent: θ := θ − α ∇θ.", "Gradient descent thường: θ := θ − α ∇θ."),
    "optimizers.why.ravine": (
        "f = ½(x² + 25y²): 25 times steeper across the valley than along it. A rate small enough not to blow up "
        "across (α < 2/25) crawls along, so gradient descent zig-zags; momentum builds speed along the floor.",
        "f = ½(x² + 25y²): dốc theo chiều ngang khe gấp 25 lần theo chiều dọc. Hệ số học đủ nhỏ để không phân kỳ "
        "theo chiều ngang (α < 2/25) lại bò rất chậm theo chiều dọc, nên gradient descent đi zig-zag; quán tính "
        "thì tích lũy tốc độ dọc theo đáy khe."),
    "optimizers.why.rosenbrock": (
        "A long, curved valley with an almost flat floor: reaching the valley is easy, following it to the minimum "
        "at (1, 1) is slow.",
        "Một thung lũng dài, cong, đáy gần như phẳng: xuống được thung lũng thì dễ, đi dọc theo nó tới cực tiểu "
        "(1, 1) thì chậm."),
    "optimizers.why.beale": (
        "Flat plateaus beside very steep walls: gradients differ a millionfold across the plot, so one fixed rate "
        "cannot suit every region; the adaptive rules rescale each step.",
        "Những cao nguyên phẳng cạnh các vách rất dốc: độ lớn gradient chênh nhau cả triệu lần trên hình, nên một "
        "hệ số học cố định không thể hợp với mọi vùng; các quy tắc thích nghi tự co giãn từng bước."),
    "optimizers.why.saddle": (
        "x² − y² has no minimum. Started almost on the ridge, the paths first slide toward the saddle point, where "
        "the gradient nearly vanishes, then escape along y: plain gradient descent escapes slowest.",
        "x² − y² không có cực tiểu. Xuất phát gần như trên sống yên ngựa, các đường đi trước hết trượt về điểm yên "
        "ngựa, nơi gradient gần bằng 0, rồi thoát ra theo trục y: gradient descent thường thoát chậm nhất."),
    "optimizers.why.himmelblau": (
        "Four equally deep minima: which one a path ends in depends on the rule and its rate, not just on the start.",
        "Bốn cực tiểu sâu như nhau: đường đi kết thúc ở cực tiểu nào phụ thuộc vào quy tắc và hệ số học, không chỉ "
        "vào điểm xuất phát."),
    "optimizers.why.wells": (
        "A shallow well on the way to a deep one: gradient descent settles in the first well it meets; momentum "
        "can roll through it into the deeper one.",
        "Một hố nông trên đường tới một hố sâu: gradient descent dừng lại ở hố đầu tiên gặp phải; quán tính có thể "
        "lăn qua nó để vào hố sâu hơn."),
    "optimizers.chart.race": ("Paths from the same start (ring); diamonds mark the minima",
                              "Đường đi từ cùng một điểm xuất phát (vòng tròn); hình thoi là các cực tiểu"),
    "optimizers.chart.value": ("Loss along each path", "Hàm lỗi dọc theo từng đường đi"),
    "optimizers.race.credit": (
        "The lecture's figure credit for this race: Sebastian Ruder, *An overview of gradient descent optimization "
        "algorithms* (ruder.io), whose animations race the same optimizers on test surfaces.",
        "Nguồn hình minh họa cuộc đua trong bài giảng: Sebastian Ruder, *An overview of gradient descent "
        "optimization algorithms* (ruder.io), với các hình động cho những bộ tối ưu này đua trên các mặt thử nghiệm."),
    "optimizers.col.optimizer": ("optimizer", "bộ tối ưu"),
    "optimizers.col.lr": ("α", "α"),
    "optimizers.col.steps": ("steps", "số bước"),
    "optimizers.col.status": ("outcome", "kết quả"),
    "optimizers.col.final_f": ("final loss", "hàm lỗi cuối"),
    "optimizers.col.distance": ("distance to nearest minimum", "khoảng cách tới cực tiểu gần nhất"),
    "optimizers.status.ok": ("ran every step", "chạy đủ số bước"),
    "optimizers.status.left_window": ("flew off (rate too large)", "văng ra ngoài (hệ số học quá lớn)"),
    "optimizers.status.non_finite": ("overflowed", "tràn số"),
    # ③ moving average
    "optimizers.ctl.noise": ("Gradient noise", "Độ nhiễu của gradient"),
    "optimizers.ctl.raw": ("Draw the raw velocity v", "Vẽ vận tốc v gốc"),
    "optimizers.ctl.raw_help": ("Off: (1 − μ) v, the velocity in the gradient's own units. On: v itself, about "
                                "1/(1 − μ) times larger on a steady slope.",
                                "Tắt: (1 − μ) v, vận tốc theo cùng đơn vị với gradient. Bật: chính v, lớn hơn "
                                "khoảng 1/(1 − μ) lần khi độ dốc ổn định."),
    "optimizers.avg.window": ("With μ = {mu}, the velocity is a moving sum over about **1/(1 − μ) = {window:.3g} "
                              "steps**, which carry {share:.0%} of the total weight.",
                              "Với μ = {mu}, vận tốc là tổng trượt trên khoảng **1/(1 − μ) = {window:.3g} bước**, "
                              "chiếm {share:.0%} tổng trọng số."),
    "optimizers.avg.text": (
        "Unrolling v := μ v + ∇ gives v = ∇ₜ + μ ∇ₜ₋₁ + μ² ∇ₜ₋₂ + …: the gradient of k steps ago keeps the weight "
        "μᵏ (left). The weights fall off geometrically, so the velocity is in effect an average over the last "
        "≈ 1/(1 − μ) iterations. On the right, the optimizer sees a noisy gradient (grey) around a slowly turning "
        "signal (black, dashed): the velocity smooths the noise away, the more so the larger μ, but it also lags "
        "behind when the signal turns.",
        "Khai triển v := μ v + ∇ ta được v = ∇ₜ + μ ∇ₜ₋₁ + μ² ∇ₜ₋₂ + …: gradient của k bước trước giữ trọng số "
        "μᵏ (bên trái). Các trọng số giảm theo cấp số nhân, nên vận tốc thực chất là trung bình trên khoảng "
        "1/(1 − μ) vòng lặp gần nhất. Bên phải, bộ tối ưu thấy một gradient nhiễu (xám) quanh một tín hiệu đổi "
        "chiều chậm (đen, nét đứt): vận tốc lọc bớt nhiễu, μ càng lớn thì càng mượt, nhưng cũng phản ứng trễ hơn "
        "khi tín hiệu đổi chiều."),
    "optimizers.chart.weights": ("Weight of the gradient from k steps ago", "Trọng số của gradient k bước trước"),
    "optimizers.chart.velocity": ("The velocity on a noisy gradient", "Vận tốc trên một gradient nhiễu"),
    # ④ adaptive rates
    "optimizers.ctl.lr4": ("Learning rate α", "Hệ số học α"),
    "optimizers.ctl.rho4": ("RMSprop's decay ρ", "Hệ số ρ của RMSprop"),
    "optimizers.ada.text": (
        "Both rules divide the rate by the root of G, a record of squared gradients: **AdaGrad** adds every one, "
        "G := G + ∇², so G only grows and its effective rate α/√(G + ε) keeps shrinking (like 1/√t when the "
        "gradients stay the same size); learning eventually stalls. **RMSprop**, the \"improved\" AdaGrad, keeps a "
        "moving average G := ρ G + (1 − ρ) ∇², which forgets old gradients, so its rate levels off. **Adam** is "
        "RMSprop plus momentum. Here both see the same gradients, 1 plus noise.",
        "Cả hai quy tắc đều chia hệ số học cho căn của G, một bộ nhớ các bình phương gradient: **AdaGrad** cộng dồn "
        "tất cả, G := G + ∇², nên G chỉ tăng và hệ số học hiệu dụng α/√(G + ε) giảm mãi (như 1/√t khi gradient "
        "giữ nguyên độ lớn); việc học cuối cùng gần như dừng lại. **RMSprop**, AdaGrad \"cải tiến\", giữ trung bình "
        "trượt G := ρ G + (1 − ρ) ∇², quên dần các gradient cũ, nên hệ số học hiệu dụng đi ngang. **Adam** là "
        "RMSprop cộng thêm quán tính. Ở đây cả hai nhận cùng một dãy gradient: 1 cộng nhiễu."),
    "optimizers.ada.numbers": ("After {steps} steps AdaGrad's rate is {ada:.3g}, {ratio:.0f} times smaller than at the "
                               "first step; RMSprop's is {rms:.3g}.",
                               "Sau {steps} bước, hệ số học của AdaGrad là {ada:.3g}, nhỏ hơn {ratio:.0f} lần so "
                               "với bước đầu; của RMSprop là {rms:.3g}."),
    "optimizers.chart.adaptive": ("Effective learning rate α/√(G + ε)", "Hệ số học hiệu dụng α/√(G + ε)"),
    # ⑤ race on a network
    "optimizers.ctl.dataset": ("Data set", "Tập dữ liệu"),
    "optimizers.ds.moons": ("two moons", "hai vầng trăng"),
    "optimizers.ds.circles": ("circles", "hai vòng tròn"),
    "optimizers.ds.xor": ("XOR", "XOR"),
    "optimizers.ds.spiral": ("spiral", "xoắn ốc"),
    "optimizers.ctl.scale": ("Rates × (every optimizer)", "Nhân các hệ số học với"),
    "optimizers.ctl.scale_help": ("Multiplies every optimizer's starting rate (listed in the table). Larger rates "
                                  "make the constant-rate curves bounce; that is where decay helps.",
                                  "Nhân hệ số học ban đầu của mọi bộ tối ưu (ghi trong bảng). Hệ số học càng lớn thì "
                                  "các đường dùng hệ số học cố định càng dao động; đó là lúc việc giảm dần hệ số học "
                                  "có ích."),
    "optimizers.ctl.decay": ("Decay used in the second race", "Cách giảm dùng trong cuộc đua thứ hai"),
    "optimizers.net.constant": ("Constant rate", "Hệ số học cố định"),
    "optimizers.net.decayed": ("With learning-rate decay ({schedule})", "Có giảm dần hệ số học ({schedule})"),
    "optimizers.net.setup": (
        "Each of the 12 runs trains the same network (2 inputs → 8 → 8 → 1, ReLU, mini-batches of 32) on the same "
        "data from the same initial weights; only the update rule and its rate differ. The decayed runs halve "
        "their rate every {every} epochs (step), or decay as smoothly to the same pace (exponential, 1/t).",
        "Mỗi lần trong 12 lần chạy huấn luyện cùng một mạng (2 đầu vào → 8 → 8 → 1, ReLU, mini-batch 32 mẫu) "
        "trên cùng dữ liệu, từ cùng trọng số khởi tạo; chỉ khác quy tắc cập nhật và hệ số học. Các lần chạy có "
        "giảm hệ số học thì giảm một nửa sau mỗi {every} epoch (step), hoặc giảm mượt với cùng nhịp "
        "(exponential, 1/t)."),
    "optimizers.net.text": (
        "The lecture's advice: lower the learning rate once the iteration count is large enough. A decayed rate "
        "calms the curve (fewer epochs in which the loss rises), and lets the weights settle into the valley "
        "instead of bouncing across it; decay too early and learning slows down instead.",
        "Lời khuyên của bài giảng: giảm hệ số học khi số vòng lặp đã đủ lớn. Hệ số học giảm dần làm đường hàm lỗi "
        "êm hơn (ít epoch có hàm lỗi tăng hơn) và giúp trọng số lắng xuống đáy thung lũng thay vì nhảy qua nhảy "
        "lại; nhưng giảm quá sớm thì việc học lại chậm đi."),
    "optimizers.col.loss_constant": ("loss · constant", "lỗi · cố định"),
    "optimizers.col.loss_decay": ("loss · decay", "lỗi · giảm dần"),
    "optimizers.col.acc_constant": ("acc. · constant", "chính xác · cố định"),
    "optimizers.col.acc_decay": ("acc. · decay", "chính xác · giảm dần"),
    "optimizers.col.rises_constant": ("rises · constant", "tăng · cố định"),
    "optimizers.col.rises_decay": ("rises · decay", "tăng · giảm dần"),
    "optimizers.net.columns": ("Loss: the final training loss. Acc.: accuracy on the validation set. Rises: the "
                               "share of epochs in which the training loss went up.",
                               "Lỗi: hàm lỗi huấn luyện cuối cùng. Chính xác: độ chính xác trên tập kiểm định. Tăng: "
                               "tỉ lệ số epoch mà hàm lỗi huấn luyện tăng lên."),
    # ⑥ schedules
    "optimizers.sched.constant": ("constant", "cố định"),
    "optimizers.sched.step": ("step", "bậc thang (step)"),
    "optimizers.sched.exponential": ("exponential", "hàm mũ (exponential)"),
    "optimizers.sched.inverse_time": ("1/t", "1/t"),
    "optimizers.ctl.lr0": ("Starting rate α₀", "Hệ số học ban đầu α₀"),
    "optimizers.ctl.rate": ("Decay factor r", "Hệ số giảm r"),
    "optimizers.ctl.every": ("Every k epochs", "Sau mỗi k epoch"),
    "optimizers.ctl.log": ("Log scale", "Thang log"),
    "optimizers.chart.schedules": ("Learning rate used in each epoch", "Hệ số học dùng trong mỗi epoch"),
    "optimizers.sched.text": (
        "All three decays are tuned to the same pace: each has multiplied the rate by r after k epochs. "
        "**Step**: α₀ · r^⌊e/k⌋, stairs. **Exponential**: α₀ · r^(e/k), the smooth version. **1/t**: "
        "α₀ / (1 + (1/r − 1) e/k), whose tail falls ever more slowly. Every optimizer on this site can use them "
        "(the rate changes between epochs; AdaGrad, RMSprop and Adam still adapt on top).",
        "Cả ba cách giảm đều có cùng nhịp: sau k epoch, hệ số học đã được nhân với r. **Step**: α₀ · r^⌊e/k⌋, "
        "dạng bậc thang. **Exponential**: α₀ · r^(e/k), phiên bản mượt. **1/t**: α₀ / (1 + (1/r − 1) e/k), đuôi "
        "giảm ngày càng chậm. Mọi bộ tối ưu trong ứng dụng này đều dùng được chúng (hệ số học thay đổi giữa các "
        "epoch; AdaGrad, RMSprop và Adam vẫn tự thích nghi thêm bên trên)."),
    # chart axes
    "optimizers.ax.theta": ("parameter θ", "tham số θ"),
    "optimizers.ax.f": ("loss f", "hàm lỗi f"),
    "optimizers.ax.grad": ("slope f′(θ)", "độ dốc f′(θ)"),
    "optimizers.ax.x": ("parameter x", "tham số x"),
    "optimizers.ax.y": ("parameter y", "tham số y"),
    "optimizers.ax.level": ("loss level", "mức hàm lỗi"),
    "optimizers.ax.optimizer": ("optimizer", "bộ tối ưu"),
    "optimizers.ax.gap_log": ("loss above the minimum (log scale)", "hàm lỗi trên mức cực tiểu (thang log)"),
    "optimizers.ax.in_window": ("inside 1/(1 − μ)", "trong 1/(1 − μ)"),
    "optimizers.ax.out_window": ("older", "cũ hơn"),
    "optimizers.ax.steps_ago": ("k, steps ago", "k, số bước trước"),
    "optimizers.ax.weight_mu": ("weight μᵏ", "trọng số μᵏ"),
    "optimizers.ax.share": ("share of the total", "tỉ lệ trên tổng"),
    "optimizers.ax.cumulative": ("cumulative share", "tỉ lệ cộng dồn"),
    "optimizers.ax.window": ("window 1/(1 − μ)", "cửa sổ 1/(1 − μ)"),
    "optimizers.ax.gradient": ("gradient", "gradient"),
    "optimizers.ax.gradient_seen": ("noisy gradient", "gradient nhiễu"),
    "optimizers.ax.signal": ("signal without noise", "tín hiệu không nhiễu"),
    "optimizers.ax.velocity": ("(1 − μ) v", "(1 − μ) v"),
    "optimizers.ax.velocity_raw": ("velocity v", "vận tốc v"),
    "optimizers.ax.effective_rate": ("effective rate (log scale)", "hệ số học hiệu dụng (thang log)"),
}
