import ArgumentParser

/// `twlab sockets`: Show the kernel's TCP sockets from /proc/net/tcp and /proc/net/tcp6.
struct SocketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sockets", abstract: "Show the kernel's TCP sockets from /proc/net/tcp and /proc/net/tcp6.")
    func run() throws {}
}
