#!/usr/bin/env python3
"""Mutation fuzzer for every file and line twlab reads (`make fuzz`).

For each target it starts from the shipped examples (scenarios, lessons, answers files, a progress
file, shell lines, a /proc/net/tcp table, a history file), mutates them (byte flips, deletions,
duplications, splices, hostile insertions such as YAML aliases, escape sequences, huge numbers and
deep nesting) and runs the built binary on each input under a memory cap (RLIMIT_AS) and a time cap.

It stops at the first finding and saves the reproducer in Tests/fuzz/findings/<target>-<n>.<ext>:
  * a trap or any death by signal (Swift runtime errors end in SIGILL/SIGTRAP),
  * a run longer than --hang seconds (default 5),
  * a peak resident size above --memory MiB (default 512), or the memory cap refusing an allocation.
Exit status 0 when no target found anything, 1 otherwise. Each target's summary line gives the inputs
run, the peak memory and the slowest run.

Usage: fuzz.py --binary .build/debug/twlab [--seconds 60] [--target NAME ...]
"""
import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LESSONS = os.path.join(ROOT, "Lessons")
FINDINGS = os.path.join(ROOT, "Tests", "fuzz", "findings")

HOSTILE = [
    b"\x1b[2J", b"\x1b]52;c;aGk=\x07", b"\x00", b"\xff\xfe", b"\r", b"\t", b"\xc2\x85", b"\xe2\x80\xae",
    b"&a ", b"*a", b"[" * 80, b"{" * 80, b"- " * 200, b"9" * 40, b"-9223372036854775808",
    b"9223372036854775807", b"1e308", b"nan", b"\"", b"'", b"|", b">", b"#", b": ", b"\n", b"\n---\n",
    b"```", b"```quiz\n", b"## ", b"+1" * 2000, b"(" * 100, b"\\", b"~", b"%", b"!!binary ",
]


def shipped(folder, suffix):
    out = []
    for base, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(suffix):
                with open(os.path.join(base, name), "rb") as handle:
                    out.append(handle.read())
    return out


def mutate(data, rng, corpus):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        position = rng.randint(0, len(data)) if data else 0
        if choice < 0.2 and data:
            index = rng.randrange(len(data))
            data[index] = rng.randrange(256)
        elif choice < 0.35 and data:
            end = min(len(data), position + rng.randint(1, 64))
            del data[position:end]
        elif choice < 0.5 and data:
            end = min(len(data), position + rng.randint(1, 256))
            chunk = data[position:end] * rng.randint(2, 50)
            data[position:position] = chunk
        elif choice < 0.6 and corpus:
            other = rng.choice(corpus)
            if other:
                start = rng.randrange(len(other))
                data[position:position] = other[start:start + rng.randint(1, 400)]
        elif choice < 0.9:
            data[position:position] = rng.choice(HOSTILE) * (rng.randint(1, 300) if rng.random() < 0.2 else 1)
        else:
            digits = str(rng.choice([0, -1, 2**31, 2**63 - 1, 2**63, 10**30, rng.randrange(10**9)])).encode()
            data[position:position] = digits
    return bytes(data[: 1 << 20])


class Target:
    """One parser: seeds, where the input goes, and how the binary is run on it."""

    def __init__(self, name, extension, seeds):
        self.name, self.extension, self.seeds = name, extension, seeds

    def prepare(self, work, data):
        """Writes the input; returns (argv after the binary, environment additions, stdin bytes)."""
        raise NotImplementedError


class ScenarioTarget(Target):
    def prepare(self, work, data):
        path = os.path.join(work, "input.twsim")
        open(path, "wb").write(data)
        return ["sim", path, "--lessons", LESSONS, "--no-color"], {}, None


class LessonTarget(Target):
    def prepare(self, work, data):
        folder = os.path.join(work, "lessons", "en")
        os.makedirs(folder, exist_ok=True)
        shutil.copytree(os.path.join(LESSONS, "scenarios"), os.path.join(work, "lessons", "scenarios"), dirs_exist_ok=True)
        open(os.path.join(folder, "01-input.md"), "wb").write(data)
        return ["lint", os.path.join(folder, "01-input.md")], {}, None


class AnswersTarget(Target):
    def prepare(self, work, data):
        path = os.path.join(work, "answers.yaml")
        open(path, "wb").write(data)
        return ["quiz", "grade", "--lessons", LESSONS, path], {}, None


class ProgressTarget(Target):
    def prepare(self, work, data):
        home = os.path.join(work, "home")
        os.makedirs(home, exist_ok=True)
        open(os.path.join(home, "progress.json"), "wb").write(data)
        script = b"lessons\nprogress\nstart four-way-close\nhint\nanswer 3\nnext\nprogress\nquit\n"
        return ["--lessons", LESSONS, "--color", "never"], {"TWLAB_HOME": home}, script


class ShellLineTarget(Target):
    # Commands that wait on purpose or touch the live kernel are left out; their arguments still get fuzzed
    # through the other commands' parsers.
    BANNED = (b"lab", b"watch", b"sleep", b"sockets", b"present", b"quit", b"exit", b"demo", b"_tutor")

    def prepare(self, work, data):
        lines = []
        for line in data.split(b"\n"):
            word = line.strip().split(b" ")[0] if line.strip() else b""
            if any(word.startswith(banned) for banned in self.BANNED):
                continue
            lines.append(line)
        # Each line is its own command: a script of hundreds of them may rightly take seconds, which
        # would hide a real hang. Thirty lines per input keep the 5 s limit meaningful.
        lines = lines[:30]
        home = os.path.join(work, "home")
        os.makedirs(home, exist_ok=True)
        return ["--lessons", LESSONS, "--color", "never"], {"TWLAB_HOME": home}, b"\n".join(lines) + b"\n"


class ProcTableTarget(Target):
    """The /proc/net/tcp parser, in process: the SocketLab test `ProcNetTCPFuzzReplay` reads the file."""

    def prepare(self, work, data):
        raise NotImplementedError


class HistoryTarget(Target):
    """The history file, loaded by libedit when the shell starts on a terminal (run under a pty)."""

    def prepare(self, work, data):
        state = os.path.join(work, "state", "twlab")
        os.makedirs(state, exist_ok=True)
        open(os.path.join(state, "history"), "wb").write(data)
        return ["--lessons", LESSONS], {"XDG_STATE_HOME": os.path.join(work, "state"), "TERM": "xterm"}, b"help\n\x04"


def run_once(binary, target, data, args):
    """Runs one input; returns (finding or None, seconds, peak KiB)."""
    work = tempfile.mkdtemp(prefix="twlab-fuzz-")
    try:
        argv, extra_env, stdin = target.prepare(work, data)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "LANG": "C.UTF-8",
               "TWLAB_HOME": os.path.join(work, "home"), "NO_COLOR": "1", "COLUMNS": "80"}
        env.update(extra_env)
        memory = args.memory * 1024 * 1024

        def limits():
            # Twice the memory budget as a hard cap on address space: a bomb fails fast instead of
            # swapping; the 512 MiB budget itself is checked on the peak resident size afterwards.
            resource.setrlimit(resource.RLIMIT_AS, (memory * 2 + (256 << 20), memory * 2 + (256 << 20)))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            os.setsid()

        start = time.monotonic()
        if isinstance(target, HistoryTarget):
            import pty
            pid, fd = pty.fork()
            if pid == 0:
                limits_child = memory * 2 + (256 << 20)
                resource.setrlimit(resource.RLIMIT_AS, (limits_child, limits_child))
                os.execve(binary, [binary] + argv, env)
            # libedit flushes input typed before it switches the terminal to raw mode: send each key
            # only after a prompt ("> ") has appeared, one line per prompt.
            keys = [b"help\r", b"\x04"]
            seen, prompts, deadline = b"", 0, time.monotonic() + args.hang
            import select
            while keys and time.monotonic() < deadline:
                if select.select([fd], [], [], 0.02)[0]:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    seen += chunk
                if seen.count(b"> ") > prompts:
                    prompts = seen.count(b"> ")
                    time.sleep(0.05)
                    try:
                        os.write(fd, keys.pop(0))
                    except OSError:
                        break
            status, usage, timed_out = wait_with_timeout(pid, args.hang, drain=fd)
            os.close(fd)
        else:
            process = subprocess.Popen([binary] + argv, env=env, cwd=work, stdin=subprocess.PIPE,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limits)
            try:
                process.stdin.write(stdin or b"")
                process.stdin.close()
            except BrokenPipeError:
                pass
            status, usage, timed_out = wait_with_timeout(process.pid, args.hang)
            stderr = process.stderr.read(4000)
            process.stderr.close()
        seconds = time.monotonic() - start
        peak = usage.ru_maxrss if usage else 0
        finding = None
        if timed_out:
            finding = "hang: still running after %.0f s" % args.hang
        elif os.WIFSIGNALED(status):
            finding = "killed by signal %d (%s)" % (os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name)
        elif peak > args.memory * 1024:
            finding = "peak memory %d MiB above %d MiB" % (peak // 1024, args.memory)
        elif not isinstance(target, HistoryTarget) and (b"Fatal error" in stderr or b"Stack dump" in stderr
                                                        or b"out of memory" in stderr.lower()):
            finding = "runtime error: " + stderr.decode("utf-8", "replace").strip().splitlines()[0][:200]
        return finding, seconds, peak
    finally:
        shutil.rmtree(work, ignore_errors=True)


def wait_with_timeout(pid, seconds, drain=None):
    deadline = time.monotonic() + seconds
    while True:
        if drain is not None:
            try:
                import select
                while select.select([drain], [], [], 0)[0]:
                    if not os.read(drain, 65536):
                        break
            except OSError:
                pass
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, False
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(0.005)


def run_proc_target(args, seeds, rng):
    """Batches of /proc tables through the in-process replay test, one process per batch."""
    import shlex
    xctest = shlex.split(args.proc_runner or "")
    if not xctest:
        print("proc-table: skipped (no test runner given; `make fuzz` passes --proc-runner)")
        return True
    deadline = time.monotonic() + args.seconds
    count, peak, slowest = 0, 0, 0.0
    while time.monotonic() < deadline:
        batch = tempfile.mkdtemp(prefix="twlab-fuzz-proc-")
        inputs = [mutate(rng.choice(seeds), rng, seeds) for _ in range(200)]
        for index, data in enumerate(inputs):
            open(os.path.join(batch, "%04d" % index), "wb").write(data)
        env = dict(os.environ, TWLAB_FUZZ_PROC_DIR=batch)
        start = time.monotonic()
        process = subprocess.Popen(xctest, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)))
        status, usage, timed_out = wait_with_timeout(process.pid, args.hang * 20)
        process.stderr.close()
        seconds = time.monotonic() - start
        peak = max(peak, usage.ru_maxrss if usage else 0)
        slowest = max(slowest, seconds / len(inputs))
        current = os.path.join(batch, "current")
        culprit = open(current).read().strip() if os.path.exists(current) else None
        failed = timed_out or os.WIFSIGNALED(status) or (os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0)
        if failed:
            os.makedirs(FINDINGS, exist_ok=True)
            saved = os.path.join(FINDINGS, "proc-table.txt")
            if culprit:
                shutil.copy(os.path.join(batch, culprit), saved)
            print("proc-table: FINDING (%s) after %d inputs; reproducer: %s" %
                  ("hang" if timed_out else "status %d" % status, count, saved if culprit else "(batch " + batch + ")"))
            return False
        count += len(inputs)
        shutil.rmtree(batch, ignore_errors=True)
    print("proc-table: %d inputs, peak %d MiB, slowest %.3f s per input, no finding" % (count, peak // 1024, slowest))
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--hang", type=float, default=5.0)
    parser.add_argument("--memory", type=int, default=512, help="MiB")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--target", action="append")
    parser.add_argument("--proc-runner", help="command (one string) that runs the in-process /proc replay test")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    rng = random.Random(args.seed)
    print("fuzz: seed %d, %.0f s per target, hang > %.0f s, memory > %d MiB" % (args.seed, args.seconds, args.hang, args.memory))

    scenarios = shipped(os.path.join(LESSONS, "scenarios"), ".twsim")
    lessons = shipped(os.path.join(LESSONS, "en"), ".md")
    answers = shipped(os.path.join(ROOT, "Tests", "golden", "quiz"), ".yaml") or [
        b"student: alice\nlessons: [four-way-close]\nanswers:\n  four-way-close/segments: 4\n  four-way-close/who-waits: client\n"]
    progress = [b'{"version":1,"currentLesson":"four-way-close","lessons":{"four-way-close":{"step":1,'
                b'"started":"2025-01-01T00:00:00Z","questions":{"four-way-close/q":{"attempts":1,"hintsUsed":1,'
                b'"skipped":false,"revealed":false,"solved":true,"missed":false,"secondsSpent":3.5,"lastAnswer":"4"}}}}}']
    shell = [b"help\nlessons\nsim active-close\nsim lost-final-ack --explore 2\nmodel ports --rate 600\nstart four-way-close\n"
             b"hint\nanswer TIME_WAIT\nprogress\nquiz list\ndiagram active-close\nhelp sim\n"]
    proc = [open(os.path.join(ROOT, "Tests", "fuzz", "seeds", "proc-net-tcp.txt"), "rb").read()]
    history = [b"_HiStOrY_V2_\nhelp\nsim\\040active-close\nlessons\n"]

    targets = [ScenarioTarget("scenario", "twsim", scenarios), LessonTarget("lesson", "md", lessons),
               AnswersTarget("answers", "yaml", answers), ProgressTarget("progress", "json", progress),
               ShellLineTarget("shell-line", "txt", shell), ProcTableTarget("proc-table", "txt", proc),
               HistoryTarget("history", "txt", history)]
    chosen = [t for t in targets if not args.target or t.name in args.target]
    clean = True
    for target in chosen:
        if isinstance(target, ProcTableTarget):
            clean = run_proc_target(args, target.seeds, rng) and clean
            continue
        deadline = time.monotonic() + args.seconds
        count, peak, slowest = 0, 0, 0.0
        while time.monotonic() < deadline:
            data = mutate(rng.choice(target.seeds), rng, target.seeds)
            finding, seconds, used = run_once(args.binary, target, data, args)
            if finding and finding.startswith("hang"):
                # The machine may be busy (builds share the cores): a hang must happen twice.
                again, seconds, used = run_once(args.binary, target, data, args)
                finding = again
            count += 1
            peak = max(peak, used)
            if seconds > slowest:
                slowest = seconds
                if seconds > 1.0:
                    # Not a finding, but worth a look: keep the slowest input of the target.
                    os.makedirs(FINDINGS, exist_ok=True)
                    open(os.path.join(FINDINGS, "slowest-%s.%s" % (target.name, target.extension)), "wb").write(data)
            if finding:
                os.makedirs(FINDINGS, exist_ok=True)
                saved = os.path.join(FINDINGS, "%s-%d.%s" % (target.name, count, target.extension))
                open(saved, "wb").write(data)
                print("%s: FINDING after %d inputs: %s; reproducer: %s" % (target.name, count, finding, saved))
                clean = False
                break
        else:
            print("%s: %d inputs, peak %d MiB, slowest %.2f s, no finding" % (target.name, count, peak // 1024, slowest))
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
