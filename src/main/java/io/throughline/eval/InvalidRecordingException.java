package io.throughline.eval;

import java.nio.file.Path;

/** A line of a recorded-conversations file that cannot be replayed, named by file and line. */
public class InvalidRecordingException extends RuntimeException {

    public InvalidRecordingException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
