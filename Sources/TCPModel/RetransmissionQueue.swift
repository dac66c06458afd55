/// The segments an endpoint has sent and not yet seen acknowledged, oldest first, with the time
/// each was first sent (for RTT samples) and whether it was ever retransmitted (Karn's rule).
///
/// Acknowledged segments are removed from the front by moving a head index, so an ACK costs O(1)
/// per segment it acknowledges and the storage is compacted only now and then.
struct RetransmissionQueue {
    struct Entry {
        var segment: Segment
        var sentAt: Int64
        var retransmitted = false
    }

    private var storage: [Entry] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }
    var count: Int { storage.count - head }
    /// The oldest unacknowledged segment.
    var first: Segment? { isEmpty ? nil : storage[head].segment }

    mutating func append(_ segment: Segment, sentAt: Int64) {
        storage.append(Entry(segment: segment, sentAt: sentAt))
    }

    /// Marks the oldest segment as retransmitted, so that its ACK gives no RTT sample.
    mutating func markFirstRetransmitted() {
        if !isEmpty { storage[head].retransmitted = true }
    }

    /// Removes the segments `ack` covers entirely. Returns when the oldest of them was sent, or nil
    /// when none was removed or one of them had been retransmitted (no valid RTT sample).
    mutating func removeAcknowledged(upTo ack: UInt32) -> Int64? {
        var sample: Int64?
        var valid = true
        var removed = 0
        while head < storage.count {
            let entry = storage[head]
            guard !SequenceSpace.after(entry.segment.seq &+ entry.segment.sequenceLength, ack) else { break }
            if removed == 0 { sample = entry.sentAt }
            if entry.retransmitted { valid = false }
            head += 1
            removed += 1
        }
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return valid ? sample : nil
    }

    mutating func removeAll() {
        storage.removeAll()
        head = 0
    }
}
