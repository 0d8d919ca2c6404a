package dev.explainer.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

import freemarker.core.Environment;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code json(value)}: a template's plain values (strings, numbers, booleans, dates, lists and
 * hashes such as {@code {"@type": "Quotation", "text": entry.text}}) as JSON that is safe inside
 * a {@code <script>} element, for JSON-LD. Entries themselves are refused: they link to each other
 * without end; pass the fields wanted.
 */
final class JsonFunction implements TemplateMethodModelEx {
    private final ObjectMapper json = new ObjectMapper();

    JsonFunction() {
        json.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("json: expects one value");
        }
        try {
            String written = json.writeValueAsString(plain((TemplateModel) arguments.get(0)));
            // In a JSON file the value is JSON itself, not text to escape into a string.
            Environment environment = Environment.getCurrentEnvironment();
            return environment != null && environment.getCurrentTemplate().getOutputFormat() == EscapingFormat.JSON
                    ? EscapingFormat.JSON.fromMarkup(written) : Models.markup(written);
        } catch (JsonProcessingException e) {
            throw new TemplateModelException("json: " + e.getOriginalMessage());
        }
    }

    private static Object plain(TemplateModel model) throws TemplateModelException {
        if (model == null) {
            return null;
        } else if (model instanceof EntryModel) {
            throw new TemplateModelException("json: an entry cannot be written as JSON; pass its fields, such as entry.name");
        } else if (model instanceof TemplateDateModel date) {
            return date.getAsDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        } else if (model instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        } else if (model instanceof TemplateNumberModel number) {
            return number.getAsNumber();
        } else if (model instanceof TemplateBooleanModel bool) {
            return bool.getAsBoolean();
        } else if (model instanceof TemplateSequenceModel sequence) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < sequence.size(); i++) {
                list.add(plain(sequence.get(i)));
            }
            return list;
        } else if (model instanceof TemplateHashModelEx hash) {
            Map<String, Object> map = new LinkedHashMap<>();
            TemplateModelIterator keys = hash.keys().iterator();
            while (keys.hasNext()) {
                String key = ((TemplateScalarModel) keys.next()).getAsString();
                map.put(key, plain(hash.get(key)));
            }
            return map;
        } else if (model instanceof TemplateCollectionModel collection) {
            List<Object> list = new ArrayList<>();
            TemplateModelIterator items = collection.iterator();
            while (items.hasNext()) {
                list.add(plain(items.next()));
            }
            return list;
        }
        throw new TemplateModelException("json: cannot write a " + model.getClass().getSimpleName() + " as JSON");
    }

    /** Escapes what could end a script element or be read as HTML: {@code < > &} and the JavaScript line separators. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
