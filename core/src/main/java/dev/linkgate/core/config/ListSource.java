package dev.linkgate.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a scanner list is read from: a list built into linkgate (every file under config/scanners/ is copied
 * into the jar at build time, so a config needs no list files and works from any directory), or a file the
 * operator names, which replaces it.
 *
 * @param builtIn the file name under config/scanners/, such as {@code networks.txt}; null for a file
 * @param file    the operator's file, relative to the working directory; null for a built-in list
 */
public record ListSource(String builtIn, Path file) {
    /** Where the build puts config/scanners/ inside the jar (core/pom.xml). */
    static final String BUILT_IN_DIRECTORY = "/dev/linkgate/scanners/";

    public ListSource {
        if ((builtIn == null) == (file == null)) {
            throw new IllegalArgumentException("a list is either built in or a file");
        }
    }

    public static ListSource builtIn(String name) {
        return new ListSource(Objects.requireNonNull(name, "name"), null);
    }

    public static ListSource file(Path file) {
        return new ListSource(null, Objects.requireNonNull(file, "file"));
    }

    /**
     * The list's lines, as UTF-8.
     *
     * @throws IOException such as NoSuchFileException for a file that is not there; a built-in list missing from
     *                     the jar is an IllegalStateException (a broken build, not a configuration problem)
     */
    public List<String> readLines() throws IOException {
        if (file != null) {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        InputStream in = ListSource.class.getResourceAsStream(BUILT_IN_DIRECTORY + builtIn);
        if (in == null) {
            throw new IllegalStateException("the built-in list " + builtIn + " is missing from linkgate's jar: it"
                    + " is copied there from config/scanners/ by the build");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    /** As error messages and explain traces name it: the path, or "built-in networks.txt". */
    @Override
    public String toString() {
        return file != null ? file.toString() : "built-in " + builtIn;
    }
}
