import ChannelStore
import Foundation
import Glibc
import Testing

@Suite struct FileLockTests {
    let directory: TemporaryDirectory
    let programme: URL

    init() throws {
        directory = try TemporaryDirectory()
        programme = directory.file("programme.cdesk")
    }

    @Test func secondLockInTheSameProcessIsRefusedWithTheHolder() throws {
        let first = try FileLock.acquire(for: programme)
        let error = #expect(throws: LockError.self) { try FileLock.acquire(for: programme) }
        let user = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        #expect(error == .held(pid: getpid(), user: user, file: "programme.cdesk"))
        #expect(error?.description == "programme.cdesk is open for writing by another channeldesk (pid \(getpid()), user \(user)); close it first")
        first.release()
        let again = try FileLock.acquire(for: programme)
        again.release()
    }

    @Test func lockFileIsMode0600AndHoldsThePid() throws {
        let lock = try FileLock.acquire(for: programme)
        let url = directory.file("programme.cdesk.lock")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("\(getpid()) "))
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        lock.release()
    }

    @Test func anotherProcessIsRefusedWhileWeHoldTheLock() throws {
        let lock = try FileLock.acquire(for: programme)
        defer { lock.release() }
        // flock(1) from util-linux tries the same lock from a child process: -n fails at once, exit 1.
        let flock = Process()
        flock.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        guard FileManager.default.isExecutableFile(atPath: flock.executableURL!.path) else { return }
        flock.arguments = ["-n", directory.file("programme.cdesk.lock").path, "true"]
        try flock.run()
        flock.waitUntilExit()
        #expect(flock.terminationStatus == 1)
        lock.release()
        let after = Process()
        after.executableURL = flock.executableURL
        after.arguments = flock.arguments
        try after.run()
        after.waitUntilExit()
        #expect(after.terminationStatus == 0)
    }

    @Test func childProcessHoldingTheLockIsNamed() throws {
        let shell = URL(fileURLWithPath: "/usr/bin/flock")
        guard FileManager.default.isExecutableFile(atPath: shell.path) else { return }
        let lockPath = directory.file("programme.cdesk.lock").path
        let ready = directory.file("ready").path, done = directory.file("done").path
        // The child takes the lock, writes a holder the way channeldesk does, and waits to be told to go.
        let child = Process()
        child.executableURL = shell
        child.arguments = ["-n", lockPath, "/bin/sh", "-c",
                           "echo '4242 someone' > '\(lockPath)'; touch '\(ready)'; while [ ! -e '\(done)' ]; do sleep 0.02; done"]
        try child.run()
        defer {
            _ = FileManager.default.createFile(atPath: done, contents: nil)
            child.waitUntilExit()
        }
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: ready) { usleep(10_000) }
        let error = #expect(throws: LockError.self) { try FileLock.acquire(for: programme) }
        #expect(error == .held(pid: 4242, user: "someone", file: "programme.cdesk"))
    }
}
