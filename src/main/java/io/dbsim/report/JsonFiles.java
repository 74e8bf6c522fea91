package io.dbsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Path;

/** Writes a JSON document whole or not at all (see {@link AtomicFiles}). */
final class JsonFiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    static void write(Object document, Path file, String what) {
        AtomicFiles.write(file, what, tmp -> JSON.writeValue(tmp.toFile(), document));
    }
}
