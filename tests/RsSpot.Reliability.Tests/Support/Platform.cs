// The suite sends POSIX signals, kills processes and checks Unix file modes: it runs where rsspot's CI runs.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
