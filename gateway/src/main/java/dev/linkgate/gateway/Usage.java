package dev.linkgate.gateway;

import java.util.Map;

/** The command line's help: {@code --help} and {@code COMMAND --help} print to stdout and exit 0. */
final class Usage {
    /** The one line a wrong command line gets on stderr (exit 2). */
    static final String SHORT = "usage: linkgate [--config FILE] | check-config FILE | explain [--config FILE]"
            + " | --version | --help";

    static final String GENERAL = """
            linkgate: forwards only the first genuine human click on one-time email links.

            usage: java -jar linkgate.jar [--config FILE]        serve (default config: config/linkgate.yaml)
                   java -jar linkgate.jar check-config FILE      validate a config file and its scanner lists
                   java -jar linkgate.jar explain [--config FILE] < requests.jsonl
                                                                 say what linkgate would do with each request
                   java -jar linkgate.jar --version
                   java -jar linkgate.jar [COMMAND] --help       this help, or a command's

            Serving: stdout carries only the access log (one JSON line a request); linkgate's own lines go to
            stderr (logging.format: json or text). SIGTERM or SIGINT drains requests in flight for
            server.drain-timeout, then exits 0.
            Exit codes: 0 done; 1 cannot start (e.g. an address in use); 2 bad configuration or arguments.
            """;

    private static final Map<String, String> COMMANDS = Map.of(
            "check-config", """
                    usage: java -jar linkgate.jar check-config FILE

                    Reads FILE as linkgate would when starting, with its scanner lists, Continue page logo and
                    template, without listening anywhere. Prints "config ok: FILE" and exits 0, or prints one line
                    naming the key, line and column of the first problem on stderr and exits 2, e.g.
                      config error at policy.double-click-window (line 12, column 25): "2x" is not a duration
                    """,
            "explain", """
                    usage: java -jar linkgate.jar explain [--config FILE] < requests.jsonl

                    Reads one request a line on stdin and prints one JSON line for each, saying what linkgate
                    would do with it on a link nobody has clicked yet (FILE defaults to config/linkgate.yaml):
                      in:  {"method":"GET","path":"/sign/x","client":"203.0.113.7","headers":{"User-Agent":"..."},
                            "time":"2026-11-27T10:00:00Z"}        (method defaults to GET, time to now)
                      out: {"verdict":"...","reasons":[...],"decision":"...","reason":"...","link":"abcd…","trace":[...]}
                    A line that cannot be read, or has an unknown field, prints {"error":"line N: ..."}; the exit
                    code is then 1. Tokens are never printed whole.
                    """);

    private Usage() {
    }

    /** The help the arguments ask for, or null when they ask for none. */
    static String helpFor(String[] args) {
        if (args.length == 1 && isHelp(args[0])) {
            return GENERAL;
        }
        if (args.length >= 2 && isHelp(args[args.length - 1]) && COMMANDS.containsKey(args[0])) {
            return COMMANDS.get(args[0]);
        }
        if (args.length >= 2 && isHelp(args[args.length - 1]) && "--config".equals(args[0])) {
            return GENERAL;
        }
        return null;
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg) || "help".equals(arg);
    }
}
