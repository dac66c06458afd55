import Foundation
/// How a sequence diagram should be drawn: how wide, and whether in colour.
public struct DiagramStyle: Sendable, Equatable {
    public var width: Int
    public var useColor: Bool
    public init(width: Int = 80, useColor: Bool = false) { self.width = width; self.useColor = useColor }
}
