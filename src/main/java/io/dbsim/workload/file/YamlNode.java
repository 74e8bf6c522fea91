package io.dbsim.workload.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.UsageException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read with the line each value starts on, so that a mistake in a workload file is reported at its
 * file:line. A value is a map (keys in file order), a list, or a scalar: String, Long, Double, Boolean or null.
 */
record YamlNode(Object value, int line) {

    private static final YAMLFactory YAML = new YAMLFactory();

    static YamlNode parse(String text, String source) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode(Map.of(), 1);
            }
            return read(parser, first);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new UsageException(source + ":" + line + ": not valid YAML (" + e.getOriginalMessage()
                    + "): indent keys with spaces and write key: value");
        } catch (IOException e) {
            throw new UsageException(source + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static YamlNode read(JsonParser parser, JsonToken token) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                yield new YamlNode(map, line);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                yield new YamlNode(list, line);
            }
            case VALUE_STRING -> new YamlNode(parser.getText(), line);
            case VALUE_NUMBER_INT -> new YamlNode(parser.getLongValue(), line);
            case VALUE_NUMBER_FLOAT -> new YamlNode(parser.getDoubleValue(), line);
            case VALUE_TRUE -> new YamlNode(true, line);
            case VALUE_FALSE -> new YamlNode(false, line);
            default -> new YamlNode(null, line);
        };
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return value instanceof Map<?, ?> ? (Map<String, YamlNode>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return value instanceof List<?> ? (List<YamlNode>) value : List.of();
    }

    /** The value as plain maps, lists and scalars, for readers that take those (the pattern parser). */
    Object plain() {
        if (value instanceof Map<?, ?>) {
            Map<String, Object> out = new LinkedHashMap<>();
            map().forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (value instanceof List<?>) {
            return list().stream().map(YamlNode::plain).toList();
        }
        return value;
    }
}
