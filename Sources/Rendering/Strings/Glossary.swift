/// The terms of the lab in English and Chinese, for `glossary` and the glossary lesson. Chinese
/// terms are the ones Chinese engineers search for; state, flag and sysctl names stay in ASCII as
/// `ss` and sysctl print them.
public enum Glossary {
    /// Every entry, in the order a learner meets them.
    public static let entries: [GlossaryEntry] = [
        GlossaryEntry(english: "three-way handshake", chinese: "三次握手",
                      meaningEnglish: "SYN, SYN|ACK, ACK: how a connection opens.",
                      meaningChinese: "SYN、SYN|ACK、ACK 三个报文段，连接由此建立。"),
        GlossaryEntry(english: "four-way close", chinese: "四次挥手 / 四次分手",
                      meaningEnglish: "FIN, ACK, FIN, ACK: each direction is closed on its own; often three segments when an ACK rides on the second FIN.",
                      meaningChinese: "FIN、ACK、FIN、ACK：两个方向各自关闭。第二个 FIN 捎带 ACK 时只有三个报文段。"),
        GlossaryEntry(english: "active closer", chinese: "主动关闭方",
                      meaningEnglish: "The side that sends the first FIN. It ends in TIME_WAIT, whether client or server.",
                      meaningChinese: "先发出 FIN 的一方。不论是客户端还是服务器，TIME_WAIT 都落在它身上。"),
        GlossaryEntry(english: "passive closer", chinese: "被动关闭方",
                      meaningEnglish: "The side that receives the first FIN: CLOSE_WAIT, then LAST_ACK, then CLOSED.",
                      meaningChinese: "先收到 FIN 的一方，依次经过 CLOSE_WAIT、LAST_ACK，最后 CLOSED。"),
        GlossaryEntry(english: "half-close", chinese: "半关闭",
                      meaningEnglish: "One direction is closed (shutdown(SHUT_WR)) while the other still carries data.",
                      meaningChinese: "一个方向已关闭（shutdown(SHUT_WR)），另一个方向仍可传数据。"),
        GlossaryEntry(english: "simultaneous close", chinese: "同时关闭",
                      meaningEnglish: "Both FINs cross on the wire; both sides pass CLOSING and both end in TIME_WAIT.",
                      meaningChinese: "两端的 FIN 在路上交错，双方都经过 CLOSING，都进入 TIME_WAIT。"),
        GlossaryEntry(english: "FIN_WAIT_1 / FIN_WAIT_2", chinese: "FIN_WAIT_1 / FIN_WAIT_2",
                      meaningEnglish: "The active closer waits for the ACK of its FIN (1), then for the peer's FIN (2).",
                      meaningChinese: "主动关闭方先等自己那个 FIN 的确认（1），再等对端的 FIN（2）。"),
        GlossaryEntry(english: "CLOSE_WAIT", chinese: "CLOSE_WAIT",
                      meaningEnglish: "The peer has closed; TCP waits for this application to call close(). Many of them mean the application forgets to close.",
                      meaningChinese: "对端已关闭，内核在等本端应用调用 close()。大量堆积通常说明程序忘了关连接。"),
        GlossaryEntry(english: "LAST_ACK", chinese: "LAST_ACK",
                      meaningEnglish: "The passive closer has sent its FIN and waits for the last ACK.",
                      meaningChinese: "被动关闭方发出了自己的 FIN，在等最后一个 ACK。"),
        GlossaryEntry(english: "TIME_WAIT", chinese: "TIME_WAIT（2MSL 等待状态）",
                      meaningEnglish: "The active closer keeps the 4-tuple for 2×MSL: to answer a repeated FIN and to let old segments die. 60 s on Linux.",
                      meaningChinese: "主动关闭方把四元组保留 2MSL：既为了在对端重发 FIN 时再回一次 ACK，也为了让旧报文在网络中消失。Linux 上固定 60 秒。"),
        GlossaryEntry(english: "MSL", chinese: "报文最大生存时间",
                      meaningEnglish: "Maximum segment lifetime, the longest a segment is assumed to survive in the network; RFC 9293 takes 2 minutes. Linux has no MSL setting.",
                      meaningChinese: "Maximum Segment Lifetime，假定报文段在网络中能存活的最长时间，RFC 9293 取 2 分钟。Linux 没有 MSL 这个参数。"),
        GlossaryEntry(english: "2MSL", chinese: "2MSL",
                      meaningEnglish: "Twice the MSL: how long TIME_WAIT lasts in the RFC (4 min). Linux uses a fixed 60 s (TCP_TIMEWAIT_LEN).",
                      meaningChinese: "两倍 MSL，RFC 中 TIME_WAIT 的时长（4 分钟）。Linux 用的是写死的 60 秒（TCP_TIMEWAIT_LEN）。"),
        GlossaryEntry(english: "4-tuple", chinese: "四元组",
                      meaningEnglish: "Source address, source port, destination address, destination port: what names a connection.",
                      meaningChinese: "源地址、源端口、目的地址、目的端口，唯一确定一条连接。"),
        GlossaryEntry(english: "incarnation", chinese: "新旧连接 / 连接的化身",
                      meaningEnglish: "A later connection that reuses the same 4-tuple as an earlier one.",
                      meaningChinese: "四元组相同的前后两条连接，后一条是前一条的新“化身”。"),
        GlossaryEntry(english: "old duplicate", chinese: "旧的重复报文 / 迷路的报文",
                      meaningEnglish: "A delayed segment of an earlier connection that could be taken for data of a new one.",
                      meaningChinese: "旧连接中被耽搁的报文段，晚到后可能被新连接当成自己的数据。"),
        GlossaryEntry(english: "ephemeral port", chinese: "临时端口",
                      meaningEnglish: "The local port connect() picks from net.ipv4.ip_local_port_range.",
                      meaningChinese: "connect() 从 net.ipv4.ip_local_port_range 中自动挑选的本地端口。"),
        GlossaryEntry(english: "port exhaustion", chinese: "端口耗尽",
                      meaningEnglish: "Every ephemeral port toward one destination is busy (often in TIME_WAIT): connect() fails with EADDRNOTAVAIL.",
                      meaningChinese: "连向同一目的地址和端口的临时端口全被占用（常见于 TIME_WAIT），connect() 报 EADDRNOTAVAIL。"),
        GlossaryEntry(english: "timestamps", chinese: "时间戳",
                      meaningEnglish: "The TCP timestamps option (net.ipv4.tcp_timestamps). PAWS and tcp_tw_reuse depend on it.",
                      meaningChinese: "TCP 时间戳选项（net.ipv4.tcp_timestamps）。PAWS 和 tcp_tw_reuse 都靠它。"),
        GlossaryEntry(english: "PAWS", chinese: "PAWS（防止序列号回绕）",
                      meaningEnglish: "Protection against wrapped sequence numbers: a segment with an older timestamp than the last seen is dropped.",
                      meaningChinese: "Protection Against Wrapped Sequences：时间戳比已见过的更旧的报文段被丢弃。"),
        GlossaryEntry(english: "tcp_tw_reuse", chinese: "重用 / 复用 TIME_WAIT",
                      meaningEnglish: "Lets a new outgoing connect() take over a 4-tuple in TIME_WAIT, safe thanks to timestamps. Default 2: loopback only.",
                      meaningChinese: "允许新的主动连接接管处于 TIME_WAIT 的四元组，靠时间戳保证安全。默认值 2：只对回环地址生效。"),
        GlossaryEntry(english: "tcp_tw_recycle", chinese: "快速回收",
                      meaningEnglish: "Removed in Linux 4.12. It broke clients behind NAT; no current kernel has it.",
                      meaningChinese: "Linux 4.12 已删除。它会让 NAT 后面的客户端连不上，现在的内核根本没有这个参数。"),
        GlossaryEntry(english: "tcp_fin_timeout", chinese: "tcp_fin_timeout",
                      meaningEnglish: "How long an orphaned socket may stay in FIN_WAIT_2. It does not change TIME_WAIT.",
                      meaningChinese: "孤儿连接在 FIN_WAIT_2 最多停留多久。它不改变 TIME_WAIT 的时长。"),
        GlossaryEntry(english: "tcp_max_tw_buckets", chinese: "tcp_max_tw_buckets",
                      meaningEnglish: "Cap on TIME_WAIT sockets. Beyond it a closing socket skips TIME_WAIT (TCPTimeWaitOverflow); new connections are not refused.",
                      meaningChinese: "TIME_WAIT 数量上限。超出后正在关闭的连接直接跳过 TIME_WAIT（TCPTimeWaitOverflow 计数增加），新连接不受影响。"),
        GlossaryEntry(english: "orphan socket", chinese: "孤儿连接",
                      meaningEnglish: "A socket the application has closed but TCP still finishes (FIN_WAIT_1, FIN_WAIT_2, LAST_ACK, CLOSING).",
                      meaningChinese: "应用已经 close()、但内核还在收尾的连接（FIN_WAIT_1、FIN_WAIT_2、LAST_ACK、CLOSING）。"),
        GlossaryEntry(english: "SO_REUSEADDR", chinese: "SO_REUSEADDR",
                      meaningEnglish: "Lets a listener bind its port while old connections on it are in TIME_WAIT, if the old listener had it too. It does not shorten TIME_WAIT.",
                      meaningChinese: "让监听套接字在该端口还有 TIME_WAIT 旧连接时也能 bind 成功（旧的监听套接字也得设过）。它不会缩短 TIME_WAIT。"),
        GlossaryEntry(english: "RST / TIME_WAIT assassination", chinese: "TIME_WAIT 被 RST 提前终止 / TIME_WAIT 暗杀",
                      meaningEnglish: "An RST with exactly the expected sequence number ends TIME_WAIT early (RFC 1337); net.ipv4.tcp_rfc1337=1 makes Linux ignore it.",
                      meaningChinese: "TIME_WAIT 期间收到序号恰好符合预期的 RST，会被提前终止（RFC 1337）；net.ipv4.tcp_rfc1337=1 让 Linux 忽略这种 RST。"),
    ]

    /// The entries whose English or Chinese term contains `query` (all of them for an empty query).
    public static func lookUp(_ query: String) -> [GlossaryEntry] {
        entries.filter { $0.matches(query) }
    }

    /// The entries as text fitted to `width` columns: each term, then its meaning indented two columns.
    public static func render(_ entries: [GlossaryEntry], language: UILanguage, width: Int) -> [String] {
        entries.flatMap { entry -> [String] in
            let (term, meaning) = entry.text(in: language)
            return TextWrapper.wrap(term, width: width, hangingIndent: 2)
                + TextWrapper.wrap("  " + meaning, width: width)
        }
    }
}
