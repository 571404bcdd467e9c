// The end-to-end tests drive the real console in tmux; see ConsoleEndToEndTests.swift.
