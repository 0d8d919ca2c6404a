package dev.explainer.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.explainer.config.CollectionConfig;
import dev.explainer.load.RawEntry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which version of an original a translation translates: the first 10 hex digits of the SHA-256
 * of the canonical JSON {@code {"body": ..., "fields": {...}}} of the original's translated
 * fields (sorted by name, values as plain JSON) and its body (LF line ends; empty for a data
 * file's item). Only what a translator translates counts, so correcting a date or a reference
 * of the original leaves its translations current.
 */
public final class TranslationHash {
    static final int DIGITS = 10;
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TranslationHash() {
    }

    /** A plain YAML value as JSON holds it: a date as its ISO text ({@code 2015-10-23}). */
    private static Object json(Object plain) {
        if (plain instanceof Map<?, ?> map) {
            Map<String, Object> converted = new TreeMap<>();
            map.forEach((key, value) -> converted.put(String.valueOf(key), json(value)));
            return converted;
        }
        if (plain instanceof List<?> list) {
            return list.stream().map(TranslationHash::json).toList();
        }
        return plain instanceof LocalDate date ? date.toString() : plain;
    }

    /** The hash of {@code original} as it is now, for the translations of {@code collection}. */
    public static String of(RawEntry original, CollectionConfig collection) {
        Map<String, Object> fields = new HashMap<>();
        for (CollectionConfig.EntryField field : collection.translate()) {
            original.fields().get(field.field()).ifPresent(value -> fields.put(field.field(), json(value.toPlain())));
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("body", original.body().map(body -> body.markdown().replace("\r\n", "\n")).orElse(""));
        canonical.put("fields", fields);
        try {
            byte[] json = CANONICAL.writeValueAsBytes(canonical);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, DIGITS);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            // Plain YAML data (texts, numbers, booleans, lists, mappings) always writes as JSON, and
            // every Java runtime has SHA-256: reaching here is a bug of the tool, not of the content.
            throw new IllegalStateException("cannot hash an entry's translated fields", e);
        }
    }
}
