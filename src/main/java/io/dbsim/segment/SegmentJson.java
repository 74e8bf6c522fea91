package io.dbsim.segment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The segment section's JSON: the engine's own records as they are (snake_case keys, as the run report's), histograms
 * as {@link HistogramCodec} writes them, durations and instants in ISO-8601. Written and read by the same dbsim
 * version: {@code dbsim merge} refuses segments of another.
 */
final class SegmentJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule("dbsim-segment")
                    .addSerializer(Histogram.class, text(HistogramCodec::encode))
                    .addDeserializer(Histogram.class, parsed(HistogramCodec::decode))
                    .addSerializer(Duration.class, text(Duration::toString))
                    .addDeserializer(Duration.class, parsed(Duration::parse))
                    .addSerializer(Instant.class, text(Instant::toString))
                    .addDeserializer(Instant.class, parsed(Instant::parse)));

    private SegmentJson() {
    }

    private static <T> JsonSerializer<T> text(Function<T, String> write) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> parsed(Function<String, T> read) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return read.apply(p.getValueAsString());
            }
        };
    }
}
