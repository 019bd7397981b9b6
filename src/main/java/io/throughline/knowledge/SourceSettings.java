package io.throughline.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what the knowledge folder takes in.
 *
 * @param maxFileSize a larger file is refused before it is read, whether found in the folder or uploaded
 */
@ConfigurationProperties("throughline.knowledge")
public record SourceSettings(@DefaultValue("20MB") DataSize maxFileSize) {

    public SourceSettings {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("throughline.knowledge.max-file-size must be positive, was " + maxFileSize);
        }
    }

    public static SourceSettings defaults() {
        return new SourceSettings(DataSize.ofMegabytes(20));
    }
}
