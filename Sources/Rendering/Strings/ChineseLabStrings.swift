/// 真机实验旁白的简体中文版：键是 SocketLab 里 `LabText` 的键，英文原句就写在实验代码里，
/// 缺少的键回退到英文（一个测试会逐句检查这里有没有漏译、参数是否一致）。
enum ChineseLabStrings {
    static let table: [String: String] = [
        // 每个实验的一行说明（lab list、实验标题、教程里的实验提示）
        "lab.active-close.summary": "客户端先关闭：FIN_WAIT_2 对 CLOSE_WAIT，然后客户端进入 TIME_WAIT（60 秒）",
        "lab.passive-close.summary": "服务器先关闭（HTTP/1.0 的做法）：TIME_WAIT 落在服务器一侧，而不是客户端",
        "lab.linger-abort.summary": "SO_LINGER {1,0}：close() 发出 RST，哪一方都没有 TIME_WAIT，对端的 read 以 ECONNRESET 失败",
        "lab.rebind.summary": "旧连接还在 TIME_WAIT 时重启服务器：bind() 需要 SO_REUSEADDR",
        "lab.port-exhaustion.summary": "把临时端口范围缩到 N 个：N 次关闭就让 TIME_WAIT 占满它，第 N+1 次 connect() 失败",
        "lab.tw-reuse.summary": "tcp_tw_reuse=1 且端口范围已满：connect() 立即失败，过了 tcp_tw_reuse_delay（1 秒）后成功",
        "lab.fin-timeout.summary": "tcp_fin_timeout=5 让孤儿 FIN_WAIT_2 在 5 秒后结束；TIME_WAIT 仍然持续 60 秒",
        "lab.max-tw-buckets.summary": "tcp_max_tw_buckets=3 再关闭十次：三个 TIME_WAIT 套接字，其余的跳过它（TCPTimeWaitOverflow）",
        "lab.lost-final-ack.summary": "twlab 扮演服务器并重传它的 FIN：TIME_WAIT 重新回 ACK，60 秒定时器重新开始计时",
        "lab.no-time-wait-world.summary": "tcp_max_tw_buckets=0：最后一个 ACK 之后没有 TIME_WAIT，于是对端重传的 FIN 换来一个 RST",
        "lab.assassination.summary": "twlab 扮演服务器，向 TIME_WAIT 发 RST：rfc1337=0 时一个序列号恰好的 RST 就能终结它，为 1 时不能",
        "lab.old-syn.summary": "旧 SYN 撞上服务器的 TIME_WAIT，换来一个纯 ACK；更新的 SYN 则重新打开连接（ISN = SND.NXT + 65537）",
        "lab.wandering-duplicate.summary": "一个旧报文段到达新的连接化身：PAWS 或 Linux 的 ACK 检查会丢弃它；两者都拦不住时，应用程序会读到它",
        "lab.lost-fin-retransmission.summary": "twlab 丢掉内核 FIN 的每一份副本：RTO 退避、tcp_orphan_retries，然后悄无声息地消失",
        "lab.watch.heading": "观察本实验的套接字，直到它们的定时器走完（Ctrl-C 停止）",
        // 运行实验本身
        "lab.runner.host-loopback": "没有私有网络命名空间（{0}）；这次在本机回环地址上运行，结束后一切照旧。",
        "lab.runner.old-reuse-delay": "Linux 6.14 之前，重用的等待时间是写死的约一秒，而不是 tcp_tw_reuse_delay 这个 sysctl。",
        "lab.watch.stopped": "已停止观察（Ctrl-C）；命名空间连同其中的套接字一起消失。",
        "lab.watch.done": "定时器都已走完：本实验的每个 TIME_WAIT（以及孤儿 FIN_WAIT_2）都已结束。",
        // 内核抓包与仿真对照
        "lab.trace.tun": "内核的报文段是在 TUN 设备上记录的，两端是内核（192.0.2.1）和 twlab 的傀儡对端（192.0.2.2）。",
        "lab.trace.host-loopback": "没有内核抓包：这次用的是本机回环地址，而 twlab 只在自己的私有网络命名空间里抓包。",
        "lab.trace.no-capture": "没有内核抓包：{0}。",
        "lab.trace.capture-full": "抓包只保留了前 {0} 个包；另有 {1} 个没有保留。",
        "lab.trace.pcap-written": "已把 {0} 个包写入 {1}（用 tcpdump -r {1} 查看）。",
        "lab.trace.no-scenario": "它没有对应的场景",
        "lab.trace.kernel-only": "仅内核的实验：{0}。",
        "lab.trace.scenario-unloadable": "无法载入对应的场景 {0}（{1}）；请检查课程目录（--lessons 或 TWLAB_LESSONS）。",
        "lab.trace.compared-each": "与场景 {0}（{1} 配置）对照，抓到的每个连接都与场景中唯一的连接比较。",
        "lab.trace.compared": "与场景 {0}（{1} 配置）对照。",
        "lab.trace.only-first": "只比较连接 1–{0}：{1}。",
        "lab.trace.candidate-unloadable": "无法载入场景 {0}；请检查课程目录（--lessons 或 TWLAB_LESSONS）。",
        "lab.trace.matched-part": "{0} 对应{1}",
        "lab.trace.matched": "匹配到的场景：{0}。",
        "lab.trace.connection": "连接 {0}",
        "lab.trace.connections": "连接 {0}",
        "lab.trace.connections-and": "连接 {0} 和 {1}",
        // active-close
        "lab.active-close.connect": "服务器在 127.0.0.1:{0} 上监听，客户端从端口 {1} 发起连接。",
        "lab.active-close.client-closes": "客户端调用 close()：它的 FIN 已被确认，服务器还没有关闭。",
        "lab.active-close.server-closes": "服务器读到文件结束（EOF）后也关闭：它的 FIN 到达客户端，客户端予以确认。",
        // passive-close
        "lab.passive-close.connect": "客户端从端口 {0} 连接 127.0.0.1:{1} 上的服务器，并发送一个请求。",
        "lab.passive-close.server-closes": "服务器发出响应后立即调用 close()，这时客户端还没读完。",
        "lab.passive-close.client-closes": "客户端读完响应和文件结束（EOF）后关闭：服务器确认它的 FIN。",
        // assassination
        "lab.assassination.time-wait": "tcp_rfc1337 = {0}。内核（端口 {1}）先关闭，现处于 TIME_WAIT。",
        "lab.assassination.stale-rst": "一个序列号过时的 RST（比 TIME_WAIT 期望的大 1000），就像旧的重复报文会带的那样。",
        "lab.assassination.exact-rst": "一个序列号恰好是 TIME_WAIT 所期望的 RST，在进入 TIME_WAIT 1 秒后到达。",
        "lab.assassination.linux-check": "Linux 只检查 RST 的序列号是否恰好等于 rcv_nxt（以及 PAWS）；设置 tcp_rfc1337=1 后，连这样的 RST 也会被忽略，这正是 RFC 1337 的修正 F1。",
        // fin-timeout
        "lab.fin-timeout.sysctl": "在私有命名空间内：tcp_fin_timeout = {0}。",
        "lab.fin-timeout.connection-a": "连接 A：客户端关闭，服务器始终不关。客户端成了孤儿 FIN_WAIT_2 连接。",
        "lab.fin-timeout.connection-b": "连接 B：双方都关闭，客户端先关。客户端处于 TIME_WAIT。",
        "lab.fin-timeout.waiting": "等待中：孤儿 FIN_WAIT_2 消失了；TIME_WAIT 套接字仍在从 60 秒开始倒计时。",
        // linger-abort
        "lab.linger-abort.connect": "客户端从端口 {0} 连接 127.0.0.1:{1}。",
        "lab.linger-abort.close": "客户端设置 SO_LINGER {on, 0 s} 后调用 close()：发出的是 RST，而不是 FIN。",
        // lost-fin-retransmission
        "lab.lost-fin-retransmission.sysctl": "在私有命名空间内：tcp_orphan_retries = {0}。",
        "lab.lost-fin-retransmission.close": "内核关闭连接（它的套接字现在是孤儿）并发出 FIN；对端丢掉它以及之后的每一份重传。",
        "lab.lost-fin-retransmission.retransmit": "内核重传它的 FIN（第 {0} 次）。",
        "lab.lost-fin-retransmission.gives-up": "内核放弃了：套接字从表中消失，既没有发 RST，也没有进入 TIME_WAIT。",
        "lab.lost-fin-retransmission.backoff": "每次等待时间翻倍（RTO 从约 200 ms 起退避，即 TCP_RTO_MIN 加上测得的 RTT）；tcp_orphan_retries 为 0 时 Linux 会重试 8 次，约 100 秒。",
        // lost-final-ack
        "lab.lost-final-ack.connect": "内核（192.0.2.1:{0}）经由 TUN 设备连接 twlab 的傀儡对端 192.0.2.2:{1}。",
        "lab.lost-final-ack.kernel-closes": "内核先关闭；对端确认它的 FIN。",
        "lab.lost-final-ack.peer-fin": "对端发出自己的 FIN；内核回以最后一个 ACK 并进入 TIME_WAIT。对端假装这个 ACK 丢了。",
        "lab.lost-final-ack.fin-again": "在它的 FIN 之后 {0} ms，对端再次发送 FIN，就像最后一个 ACK 丢失时服务器会做的那样。",
        // max-tw-buckets
        "lab.max-tw-buckets.sysctl": "在私有命名空间内：tcp_max_tw_buckets = {0}。",
        "lab.max-tw-buckets.connections": "向 127.0.0.1:{1} 建立 {0} 个连接，每个都由客户端先关闭。",
        "lab.max-tw-buckets.overflow-counter": "自 Linux 2.6.38 起，溢出只计入 TCPTimeWaitOverflow（/proc/net/netstat）；更老的或打过补丁的内核还会记录日志 \"TCP: time wait bucket table overflow\"。",
        // no-time-wait-world
        "lab.no-time-wait-world.sysctl": "在私有命名空间内：tcp_max_tw_buckets = 0，于是没有任何套接字能停留在 TIME_WAIT。",
        "lab.no-time-wait-world.close": "内核先关闭（shutdown），对端回了 ACK 并发出 FIN，内核发出最后一个 ACK——对端假装它丢了。",
        "lab.no-time-wait-world.fin-again": "{0} ms 后对端重传 FIN：已经没有连接能确认它了。",
        "lab.no-time-wait-world.mechanism": "在内核里充当“没有 TIME_WAIT”的机制是 tcp_max_tw_buckets：达到上限时 inet_twsk_alloc() 什么也不返回，tcp_time_wait() 立即关闭套接字，TCPTimeWaitOverflow 加一。Linux 没有关闭 TIME_WAIT 的开关。",
        // old-syn
        "lab.old-syn.time-wait": "傀儡（192.0.2.2:{0}）连接了内核在 192.0.2.1:{1} 上的服务器；服务器先关闭，处于 TIME_WAIT。",
        "lab.old-syn.old-syn": "这个连接第一个 SYN 的旧副本到达：内核回一个属于旧连接的纯 ACK，并留在 TIME_WAIT。",
        "lab.old-syn.new-syn": "一个序列号高于旧序列号空间（ISN + 100000）的 SYN 到达：内核重新启用这个四元组。",
        // port-exhaustion
        "lab.port-exhaustion.sysctl": "在私有命名空间内：ip_local_port_range = {0}–{1}（{2} 个端口），tcp_tw_reuse = 0（默认值 2 会在 tcp_tw_reuse_delay 之后重用回环地址上的端口，端口范围就永远不会用尽）。",
        "lab.port-exhaustion.odd-range": "Linux 的 connect() 每次按偶数个端口探测（__inet_hash_connect 中的 remaining &= ~1），所以范围里有 {0} 个端口时可能漏掉一个，connect() 可能在 {1} 次之后就失败；要精确计数请用偶数。",
        "lab.port-exhaustion.connections": "向 127.0.0.1:{1} 建立 {0} 个短连接，每个都由客户端先关闭。",
        "lab.port-exhaustion.next-connect": "下一次 connect() 需要一个本地端口，而每个端口都被 TIME_WAIT 套接字占着。",
        // rebind
        "lab.rebind.server-stops": "127.0.0.1:{0} 上设置了 SO_REUSEADDR 的服务器先关闭一个连接，然后停止。",
        "lab.rebind.bind-plain": "重启后的服务器不设置 SO_REUSEADDR，调用 bind({0})。",
        "lab.rebind.bind-reuseaddr": "设置 SO_REUSEADDR 后再试一次。",
        "lab.rebind.strict-listener": "如果旧的监听套接字没有设置 SO_REUSEADDR（端口 {0}），它留下的 TIME_WAIT 套接字就不肯共享端口：设置了 SO_REUSEADDR 的 bind 得到的是这个结果。",
        // tw-reuse
        "lab.tw-reuse.delay-sysctl": "Linux {0} 在 TIME_WAIT 套接字建立后等待 tcp_tw_reuse_delay（{1} ms）；6.14 之前的内核用的是写死的约一秒的规则。",
        "lab.tw-reuse.no-delay-sysctl": "这个内核（{0}）没有 tcp_tw_reuse_delay（Linux 6.14 才加入）：TIME_WAIT 端口的时间戳超过约一秒后就可以重用。",
        "lab.tw-reuse.sysctl": "在私有命名空间内：只有一个临时端口（40000），tcp_tw_reuse = 1，开启时间戳。",
        "lab.tw-reuse.time-wait": "从端口 {0} 发起的连接关闭，客户端先关：唯一的端口现在处于 TIME_WAIT。",
        "lab.tw-reuse.connect-now": "立即 connect()。",
        "lab.tw-reuse.connect-retry": "每 20 ms 再 connect() 一次，直到内核让新连接接管这个 TIME_WAIT 端口。",
        // wandering-duplicate
        "lab.wandering-duplicate.round": "第 {0} 轮，tcp_timestamps = {1}：傀儡（192.0.2.2:{2}）向内核的服务器发送 100 字节后先关闭；它不保留 TIME_WAIT。",
        "lab.wandering-duplicate.copy-accepted": "旧的 100 字节报文段的一个副本在新连接开始 355 ms 后到达。内核把它当作新数据：应用程序收到了上一个连接的 {0} 字节。",
        "lab.wandering-duplicate.copy-paws": "旧的 100 字节报文段的一个副本在新连接开始 355 ms 后到达。它的时间戳比这个连接的旧：PAWS 丢弃它，内核只回一个 ACK。",
        "lab.wandering-duplicate.copy-challenge-ack": "旧的 100 字节报文段的一个副本在新连接开始 355 ms 后到达。它的序列号落在窗口内，但确认号确认的是这个连接从未发送过的字节：内核丢弃它并回一个 challenge ACK（RFC 5961 §5.2）。",
        "lab.wandering-duplicate.ack-check": "RFC 1337 的危害 H1 还要求旧报文段的确认号也能被接受：Linux 不接受低于新连接自身 ISN 的 ACK，而 ISN 随时钟前进（每秒约 1560 万），所以来自安静连接的副本会被拒绝（第 2 轮）；只有确认号已越过新 ISN 的副本才能进来（第 3 轮）。仿真器的 linux 配置做同样的检查。",
        "lab.wandering-duplicate.round3": "第 3 轮，tcp_timestamps = 0：服务器先发送 {0} 字节，然后傀儡（192.0.2.2:{1}）发送它的 100 字节，其确认号现在比服务器的 ISN 大 {2}；双方关闭。",
        "lab.wandering-duplicate.isn-beyond": "新连接的 ISN 比旧连接前进了 {0}，超过了已发送的 {1} 字节：这一次副本不可能显得可信。",
        "lab.wandering-duplicate.isn-moved": "新连接的 ISN 随时钟前进了 {0}；它的服务器发送了 {1} 字节，于是旧副本的确认号现在只是“旧”的。副本再次到达。",
        "lab.wandering-duplicate.hazard-h1": "应用程序收到了上一个连接的 {0} 字节：这就是真实内核上的 RFC 1337 危害 H1——PAWS 和 ACK 检查都没能把这个副本分辨出来。",
        "lab.wandering-duplicate.round3-kernel-only": "第 3 轮（连接 5 和 6）只在内核上运行：它用窗口扩大选项以 64 KiB 的报文段发送 4 MiB，而仿真器（MSS 1,460，固定 65,535 字节的窗口）无法逐段重现",
    ]
}
