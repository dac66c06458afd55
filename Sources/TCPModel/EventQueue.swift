/// Something scheduled on the virtual clock.
enum ScheduledWork {
    /// A segment reaches its destination (`copy` for a delayed duplicate).
    case deliver(Segment, copy: Bool)
    /// A delayed copy outlives the MSL and disappears from the network.
    case expire(Segment)
    /// A timer fires unless its generation has moved on (that is how a timer is cancelled).
    case timer(EndpointRole, TimerKind, generation: Int)
}

/// A min-heap of scheduled work ordered by time, then by insertion order, so runs are deterministic.
struct EventQueue {
    private struct Entry {
        var time: Int64
        var order: Int
        var work: ScheduledWork
        @inline(__always) func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : order < other.order
        }
    }
    private var heap: [Entry] = []
    private var nextOrder = 0

    var isEmpty: Bool { heap.isEmpty }
    /// The time of the earliest entry.
    var nextTime: Int64? { heap.first?.time }

    mutating func schedule(_ work: ScheduledWork, at time: Int64) {
        heap.append(Entry(time: time, order: nextOrder, work: work))
        nextOrder += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    mutating func pop() -> (time: Int64, work: ScheduledWork)? {
        guard !heap.isEmpty else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < heap.count && heap[left].precedes(heap[best]) { best = left }
                if right < heap.count && heap[right].precedes(heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return (first.time, first.work)
    }
}
