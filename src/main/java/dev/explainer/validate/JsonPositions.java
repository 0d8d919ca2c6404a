package dev.explainer.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;

import java.io.IOException;

/**
 * Where something in a schema file is written, for a message about it: Jackson's tree keeps no
 * positions, so the text is read again with its streaming parser, which does.
 */
final class JsonPositions {
    private JsonPositions() {
    }

    /** Where the key at {@code pointer} is written in the file; the file's start if it cannot be found. */
    static Position ofKey(SourceFile file, String pointer) {
        try (JsonParser parser = new JsonFactory().createParser(file.text())) {
            parser.nextToken();
            JsonLocation at = find(parser, "", pointer);
            if (at != null) {
                return new Position(file.path(), at.getLineNr(), at.getColumnNr());
            }
        } catch (IOException e) {
            // The text parsed before; if it does not now, the start of the file is the best place.
        }
        return Position.startOf(file.path());
    }

    /** Reads the value the parser is at, which has {@code pointer}, and returns where the key at {@code wanted} starts. */
    private static JsonLocation find(JsonParser parser, String pointer, String wanted) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + escape(parser.currentName());
                JsonLocation key = parser.currentTokenLocation();
                if (child.equals(wanted)) {
                    return key;
                }
                parser.nextToken();
                if (wanted.startsWith(child + "/")) {
                    return find(parser, child, wanted);
                }
                parser.skipChildren();
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = pointer + "/" + index++;
                if (wanted.startsWith(child + "/")) {
                    return find(parser, child, wanted);
                }
                parser.skipChildren();
            }
        }
        return null;
    }

    /** Where Jackson stopped reading a schema that is not valid JSON; the file's start if it does not say. */
    static Position of(SourceFile file, JsonLocation at) {
        return at == null ? Position.startOf(file.path()) : new Position(file.path(), at.getLineNr(), at.getColumnNr());
    }

    /** A key as a segment of a JSON Pointer ({@code a/b} as {@code a~1b}). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
