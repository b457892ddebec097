package dev.linkgate.gateway.admin;

/** What a config reload did, for {@code POST /reload}'s answer: applied or not, and its log line. */
public record ReloadAnswer(boolean applied, String line) {
}
