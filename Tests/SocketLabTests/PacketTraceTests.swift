import Foundation
import Testing
import TCPModel
@testable import SocketLab

/// Traces from captured packets and from simulated runs, and their comparison.
@Suite struct PacketTraceTests {
    /// The shipped scenarios, read here (TCPModel reads no files; SocketLabTests does not use Lessons).
    static let scenarios: ScenarioLibrary = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/scenarios")
        var texts: [String: String] = [:]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where file.hasSuffix(".twsim") {
            texts[String(file.dropLast(6))] = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return ScenarioLibrary(texts: texts, location: folder.path)
    }()

    /// A loopback packet from `from` to `to` as the capture would hand it over.
    static func packet(_ ms: Int64, _ from: UInt16, _ to: UInt16, _ flags: TCPHeader.Flags, seq: UInt32, ack: UInt32 = 0,
                       data: Int = 0, ts: (UInt32, UInt32)? = nil) -> CapturedPacket {
        let options: [TCPOption] = ts.map { [.noOperation, .noOperation, .timestamps(value: $0.0, echoReply: $0.1)] } ?? []
        let bytes = TCPPacket(ip: .v4(IPv4Header(source: 0x7F00_0001, destination: 0x7F00_0001)),
                              tcp: TCPHeader(sourcePort: from, destinationPort: to, sequenceNumber: seq, acknowledgementNumber: ack,
                                             flags: flags, options: options),
                              payload: [UInt8](repeating: 0x61, count: data)).encode()
        return CapturedPacket(timestampMicroseconds: 1_000_000_000 + ms * 1_000, bytes: bytes)
    }

    /// The seven segments of an active close on loopback, client 40000 → server 5000.
    static func activeClose(clientISN c: UInt32 = 4_000_000_000, serverISN s: UInt32 = 77, start: Int64 = 0,
                            clientPort: UInt16 = 40000) -> [CapturedPacket] {
        [packet(start + 0, clientPort, 5000, .syn, seq: c, ts: (10, 0)),
         packet(start + 0, 5000, clientPort, [.syn, .ack], seq: s, ack: c &+ 1, ts: (90, 10)),
         packet(start + 0, clientPort, 5000, .ack, seq: c &+ 1, ack: s &+ 1),
         packet(start + 20, clientPort, 5000, [.fin, .ack], seq: c &+ 1, ack: s &+ 1),
         packet(start + 35, 5000, clientPort, .ack, seq: s &+ 1, ack: c &+ 2),
         packet(start + 80, 5000, clientPort, [.fin, .ack], seq: s &+ 1, ack: c &+ 2),
         packet(start + 80, clientPort, 5000, .ack, seq: c &+ 2, ack: s &+ 2)]
    }

    @Test func kernelPacketsBecomeRelativeSegmentsWithRoles() throws {
        // The client's ISN is near the top of the sequence space, so relative numbers must wrap.
        let trace = PacketTrace(kernel: Self.activeClose(), serverPorts: [5000])
        #expect(trace.segments.map(\.label) == ["SYN 0", "SYN|ACK 0 ack 1", "ACK 1 ack 1", "FIN|ACK 1 ack 1", "ACK 1 ack 2",
                                                "FIN|ACK 1 ack 2", "ACK 2 ack 2"])
        #expect(trace.segments.map(\.from) == [.client, .server, .client, .client, .server, .server, .client])
        #expect(trace.segments.map(\.timeMs) == [0, 0, 0, 20, 35, 80, 80])
        #expect(trace.segments[0].tsval == 10 && trace.segments[1].tsecr == 10 && trace.segments[2].tsval == nil)
        #expect(trace.connections == [1])
    }

    @Test func packetsOfOtherPortsAndNonTCPAreLeftOut() {
        var packets = Self.activeClose()
        packets.insert(Self.packet(1, 41000, 6000, .syn, seq: 5), at: 2)
        packets.insert(CapturedPacket(timestampMicroseconds: 1_000_000_000, bytes: [0x45, 0, 0]), at: 1)
        #expect(PacketTrace(kernel: packets, serverPorts: [5000]).segments.count == 7)
        #expect(PacketTrace(kernel: packets, serverPorts: []).segments.count == 8, "an empty port set keeps every TCP packet")
    }

    @Test func aNewSYNOnTheSameFourTupleIsANewConnection() {
        let packets = Self.activeClose() + Self.activeClose(clientISN: 123_456, serverISN: 9, start: 1_000)
        let trace = PacketTrace(kernel: packets, serverPorts: [5000])
        #expect(trace.connections == [1, 2])
        let second = trace.connection(2)
        #expect(second.first?.timeMs == 0, "times restart at each connection's first segment")
        #expect(second.map(\.label) == trace.connection(1).map(\.label))
    }

    @Test func anRSTForAnUnknownConnectionIsNumberedFromItself() {
        // The late FIN meets no socket: the RST's seq is the FIN's ACK number (fact 5).
        var packets = Array(Self.activeClose().prefix(5))
        packets.append(Self.packet(5_200, 5000, 40000, [.fin, .ack], seq: 78, ack: 4_000_000_002))
        packets.append(Self.packet(5_200, 40000, 5000, .rst, seq: 4_000_000_002))
        let trace = PacketTrace(kernel: packets, serverPorts: [5000])
        #expect(trace.segments.last?.label == "RST 2")
    }

    @Test func theActiveCloseScenarioGivesTheSameSegments() throws {
        let result = Simulator.run(try Self.scenarios.load("active-close"), profile: .linux)
        let simulation = PacketTrace(simulation: result)
        let kernel = PacketTrace(kernel: Self.activeClose(), serverPorts: [5000])
        #expect(simulation.segments.map(\.label) == kernel.segments.map(\.label))
        let verdict = TraceComparison.compare(kernel: kernel, simulation: simulation)
        #expect(verdict.agree, "\(verdict.firstDifference ?? "")")
        #expect(verdict.verdict == "kernel and simulation agree")
    }

    @Test func theFirstDifferenceIsNamedInOneLine() throws {
        let simulation = PacketTrace(simulation: Simulator.run(try Self.scenarios.load("active-close"), profile: .linux))
        // Linux's delayed ACK: the server's FIN carries the ACK of the client's FIN (fact 33). Whether it
        // does depends on whether the server's close() beat the kernel's next tick, so it is not a difference.
        var packets = Self.activeClose()
        packets.remove(at: 4)
        let combined = TraceComparison.compare(kernel: PacketTrace(kernel: packets, serverPorts: [5000]), simulation: simulation)
        #expect(combined.agree, "\(combined.firstDifference ?? "")")
        // Without that FIN the separate ACK is a real difference, named in one line.
        var noFin = Self.activeClose()
        noFin.remove(at: 5)
        let missing = TraceComparison.compare(kernel: PacketTrace(kernel: noFin, serverPorts: [5000]), simulation: simulation)
        #expect(!missing.agree)
        #expect(!(missing.firstDifference ?? "").contains("\n"))

        let late = Self.activeClose().enumerated().map { index, packet -> CapturedPacket in
            var p = packet
            if index >= 5 { p.timestampMicroseconds += 2_000_000 }
            return p
        }
        let slow = TraceComparison.compare(kernel: PacketTrace(kernel: late, serverPorts: [5000]), simulation: simulation, toleranceMs: 250)
        #expect(slow.firstDifference?.hasPrefix("segment 6 (server→client FIN|ACK seq 1 ack 2): the kernel sent it at 2.080 s") == true,
                "\(slow.firstDifference ?? "")")

        let short = TraceComparison.compare(kernel: PacketTrace(kernel: Array(Self.activeClose().prefix(6)), serverPorts: [5000]),
                                            simulation: simulation)
        #expect(short.firstDifference == "segment 7: the simulation sends client→server ACK seq 2 ack 2, the kernel sent nothing more")
        let empty = TraceComparison.compare(kernel: PacketTrace(segments: []), simulation: simulation)
        #expect(!empty.agree && empty.connectionsCompared == 0)
    }

    @Test func everyConnectionCanBeComparedWithTheScenariosOne() throws {
        let simulation = PacketTrace(simulation: Simulator.run(try Self.scenarios.load("active-close"), profile: .linux))
        let twice = PacketTrace(kernel: Self.activeClose() + Self.activeClose(clientISN: 5, start: 500), serverPorts: [5000])
        #expect(TraceComparison.compare(kernel: twice, simulation: simulation, everyConnectionAgainstFirst: true).agree)
        let pairwise = TraceComparison.compare(kernel: twice, simulation: simulation)
        #expect(pairwise.firstDifference == "the kernel made 2 connection(s), the simulation 1")
    }

    /// The close of the max-tw-buckets lab as Linux 6.18 captured it when the server's application
    /// closed after the ACK tick: beyond the limit the orphaned FIN_WAIT_2 had no bucket, so the
    /// server's FIN got an RST (a CI run, connection 6 of 10 with tcp_max_tw_buckets=3).
    static func slowCloseBeyondTheLimit(clientPort: UInt16, start: Int64) -> [CapturedPacket] {
        let c: UInt32 = 1_000, s: UInt32 = 9_000
        return [packet(start, clientPort, 5000, .syn, seq: c),
                packet(start, 5000, clientPort, [.syn, .ack], seq: s, ack: c + 1),
                packet(start, clientPort, 5000, .ack, seq: c + 1, ack: s + 1),
                packet(start + 1, clientPort, 5000, [.fin, .ack], seq: c + 1, ack: s + 1),
                packet(start + 5, 5000, clientPort, .ack, seq: s + 1, ack: c + 2),
                packet(start + 30, 5000, clientPort, [.fin, .ack], seq: s + 1, ack: c + 2),
                packet(start + 30, clientPort, 5000, .rst, seq: c + 2)]
    }

    @Test func aConnectionBeyondTheBucketLimitMayMeetItsFinWithAnRST() throws {
        func report(rstOnConnection rst: Int) -> ExperimentReport {
            var packets: [CapturedPacket] = []
            for n in 1...6 {
                let port = UInt16(40_000 + n), start = Int64(n) * 100
                packets += n == rst ? Self.slowCloseBeyondTheLimit(clientPort: port, start: start)
                                    : Self.activeClose(clientISN: UInt32(n) * 1_000, start: start, clientPort: port)
            }
            var report = ExperimentReport(name: "max-tw-buckets", isolation: .networkNamespace, findings: [:], steps: [],
                                          sysctls: ["tcp_max_tw_buckets": "3"])
            report.kernelTrace = PacketTrace(kernel: packets, serverPorts: [5000])
            LabTrace.attachSimulation(to: &report, scenarios: Self.scenarios, toleranceMs: 250)
            return report
        }
        // Connection 6 is beyond the limit of 3: the RST is what Linux does (facts 15, 19, 40).
        let beyond = report(rstOnConnection: 6)
        #expect(beyond.agreement?.agree == true, "\(beyond.agreement?.verdict ?? "no verdict")")
        #expect(beyond.traceNotes.contains { $0.contains("lab-overflow-slow-active-close for connection 6") }, "\(beyond.traceNotes)")
        // Within the limit the client has a bucket and must ACK that FIN: an RST there is a difference,
        // named against the usual story.
        let within = report(rstOnConnection: 2)
        #expect(within.agreement?.agree == false)
        #expect(within.agreement?.firstDifference == "connection 2, segment 7: the kernel sent client→server RST seq 2, the simulation client→server ACK seq 2 ack 2",
                "\(within.agreement?.firstDifference ?? "")")
    }

    @Test func traceJSONHasTheDocumentedShape() throws {
        let trace = PacketTrace(kernel: Array(Self.activeClose().prefix(2)), serverPorts: [5000])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(trace), as: UTF8.self)
        #expect(text == #"[{"ack":0,"connection":1,"flags":"SYN","from":"client","len":0,"seq":0,"t_ms":0,"to":"server","tsecr":0,"tsval":10},"#
                + #"{"ack":1,"connection":1,"flags":"SYN|ACK","from":"server","len":0,"seq":0,"t_ms":0,"to":"client","tsecr":10,"tsval":90}]"#)
        #expect(try JSONDecoder().decode(PacketTrace.self, from: Data(text.utf8)) == trace)
        let agreement = TraceAgreement(agree: true, firstDifference: nil, toleranceMs: 250, connectionsCompared: 1)
        let verdictText = String(decoding: try encoder.encode(agreement), as: UTF8.self)
        #expect(verdictText == #"{"agree":true,"connections_compared":1,"first_difference":null,"tolerance_ms":250}"#)
    }
}
