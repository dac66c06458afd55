/// Sequence-number comparisons modulo 2^32 (RFC 9293 §3.4), as Linux's `before()` and `after()`.
enum SequenceSpace {
    /// True when `a` comes strictly before `b`.
    @inline(__always) static func before(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a &- b) < 0 }
    /// True when `a` comes strictly after `b`.
    @inline(__always) static func after(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: b &- a) < 0 }
}
