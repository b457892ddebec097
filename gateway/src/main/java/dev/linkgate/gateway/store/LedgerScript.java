package dev.linkgate.gateway.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Lua script of the Redis ledger. It runs by EVALSHA; a server that does not know it yet (fresh start,
 * failover, SCRIPT FLUSH) answers NOSCRIPT, and then EVAL runs and caches it: one round trip once warm.
 */
final class LedgerScript {
    static final LedgerScript VISIT = linkScript("visit.lua");
    static final LedgerScript COMPLETE = linkScript("complete.lua");
    static final LedgerScript RELEASE = linkScript("release.lua");
    static final LedgerScript TAKE_OVER = linkScript("take-over.lua");
    static final LedgerScript SHARED_RESPONSE = linkScript("shared-response.lua");
    static final LedgerScript LOOKUP = linkScript("lookup.lua");
    static final LedgerScript RESUME_COPY = linkScript("resume-copy.lua");
    static final LedgerScript DROP_COPY = linkScript("drop-copy.lua");
    static final LedgerScript CREATED = new LedgerScript(read("created.lua"));

    private final byte[] source;
    private final String sha;

    private LedgerScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1(this.source);
    }

    /** Link scripts share link.lua (load and store a record, fan-out, the view) as their first part. */
    private static LedgerScript linkScript(String name) {
        return new LedgerScript(read("link.lua") + read(name));
    }

    <T> CompletionStage<T> run(RedisScriptingAsyncCommands<byte[], byte[]> redis, ScriptOutputType type,
                               byte[][] keys, byte[]... args) {
        CompletableFuture<T> result = new CompletableFuture<>();
        redis.<T>evalsha(sha, type, keys, args).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else if (isNoScript(failure)) {
                redis.<T>eval(source, type, keys, args).whenComplete((v, f) -> {
                    if (f == null) {
                        result.complete(v);
                    } else {
                        result.completeExceptionally(f);
                    }
                });
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private static boolean isNoScript(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RedisNoScriptException) {
                return true;
            }
        }
        return false;
    }

    private static String read(String name) {
        try (InputStream in = LedgerScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
