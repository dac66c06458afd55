import Shell

// Everything lives in the libraries; Sources/README.md maps them.
TwlabCommand.main()
