package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code languages} and {@code translations} of the site config: the editions a site is
 * published in, exactly one of them the original, each under a prefix of its own.
 */
final class LanguagesParser {
    static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final Pattern PREFIX = Pattern.compile("/([a-z0-9][a-z0-9-]*/)*");
    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "name", "direction", "prefix", "original", "digits");

    private LanguagesParser() {
    }

    /** The declared languages in the order written, or none if the site declares none (or none usable). */
    static List<Language> languages(MappingReader site, List<Diagnostic> problems) {
        Optional<YamlNode> node = site.node("languages");
        if (node.isEmpty()) {
            return List.of();
        }
        if (site.node("language").isPresent()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("language").get().position(), "the site config has both"
                    + " 'language' and 'languages'; with 'languages', the original's code is the site's language:"
                    + " remove 'language'"));
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'languages' must be a list of languages, such"
                    + " as [{code: en, name: English, original: true}, {code: fr, name: Français}], not " + node.get().describe()));
            return List.of();
        }
        List<Language> languages = new ArrayList<>();
        Map<String, Language> byCode = new HashMap<>();
        Map<String, Language> byPrefix = new HashMap<>();
        Position firstOriginal = null;
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, item.position(), "a language must be a mapping such as"
                        + " {code: fr, name: Français}, not " + item.describe()));
                continue;
            }
            Optional<Language> language = language(mapping, problems);
            if (language.isEmpty()) {
                continue;
            }
            Language declared = language.get();
            Language sameCode = byCode.putIfAbsent(declared.code().toLowerCase(Locale.ROOT), declared);
            if (sameCode != null) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, codePosition(mapping), "language '" + declared.code()
                        + "' is declared twice (first at line " + sameCode.position().line() + "); each language is one edition"));
                continue;
            }
            Language samePrefix = declared.original() && firstOriginal != null ? null // its own error says what is wrong
                    : byPrefix.putIfAbsent(declared.prefix(), declared);
            if (samePrefix != null) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, prefixPosition(mapping), "languages '" + samePrefix.code()
                        + "' and '" + declared.code() + "' both have the prefix '" + shown(declared.prefix()) + "'; each edition"
                        + " needs a prefix of its own, such as '/" + declared.code().toLowerCase(Locale.ROOT) + "/'"));
            }
            if (declared.original()) {
                if (firstOriginal != null) {
                    problems.add(Diagnostic.error(DiagnosticCode.CONFIG, mapping.get("original").get().position(), "language '"
                            + declared.code() + "' is marked as the original, but so is the one at line " + firstOriginal.line()
                            + "; exactly one language is the one the entries' own files are written in"));
                }
                firstOriginal = declared.position();
            }
            languages.add(declared);
        }
        if (firstOriginal == null && !languages.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "no language is marked 'original: true';"
                    + " mark the one the entries' own files are written in, such as {code: "
                    + languages.get(0).code() + ", name: " + languages.get(0).name() + ", original: true}"));
        }
        return List.copyOf(languages);
    }

    private static Optional<Language> language(YamlNode.Mapping mapping, List<Diagnostic> problems) {
        MappingReader reader = new MappingReader(mapping, "a language", problems);
        reader.rejectUnknownKeys(LANGUAGE_KEYS);
        String code = reader.requiredString("code");
        String name = reader.requiredString("name");
        boolean original = reader.bool("original", false);
        if (code.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        if (!LANGUAGE_TAG.matcher(code).matches()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, codePosition(mapping),
                    "'" + code + "' is not a language tag such as 'en', 'ar' or 'pt-BR'"));
            return Optional.empty();
        }
        String direction = oneOf(reader, "direction", List.of(Language.LTR, Language.RTL), Language.LTR, problems);
        String digits = oneOf(reader, "digits", List.of(Language.LATIN_DIGITS, Language.ARABIC_INDIC_DIGITS), Language.LATIN_DIGITS,
                problems);
        String prefix = original ? "" : "/" + code.toLowerCase(Locale.ROOT) + "/";
        Optional<String> declared = reader.string("prefix");
        if (declared.isPresent()) {
            String written = declared.get().equals("/") ? "" : declared.get();
            if (written.isEmpty() || PREFIX.matcher(written).matches()) {
                prefix = written;
            } else {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, prefixPosition(mapping), "prefix '" + declared.get() + "' of"
                        + " language '" + code + "' must be '/' (the site's root) or a site path of lowercase letters, digits and"
                        + " '-' that starts and ends with '/', such as '/" + code.toLowerCase(Locale.ROOT) + "/'"));
            }
        }
        return Optional.of(new Language(code, name, direction, prefix, original, digits, mapping.position()));
    }

    private static String oneOf(MappingReader reader, String key, List<String> allowed, String fallback, List<Diagnostic> problems) {
        Optional<String> value = reader.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, reader.node(key).get().position(), "'" + key + "' of a language"
                    + " must be " + String.join(" or ", allowed) + ", not '" + value.get() + "'"));
            return fallback;
        }
        return value.get();
    }

    /** {@code translations: {missing: fallback}} or {@code {missing: omit}}; only with {@code languages}. */
    static Translations translations(MappingReader site, boolean hasLanguages, List<Diagnostic> problems) {
        Optional<YamlNode> node = site.node("translations");
        if (node.isEmpty()) {
            return Translations.fallback(site.position());
        }
        if (!hasLanguages) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'translations' applies to a site with"
                    + " 'languages'; declare its languages, or remove 'translations'"));
        }
        Optional<YamlNode.Mapping> mapping = site.mapping("translations");
        if (mapping.isEmpty()) {
            return Translations.fallback(node.get().position());
        }
        MappingReader reader = new MappingReader(mapping.get(), "'translations'", problems);
        reader.rejectUnknownKeys(Set.of("missing"));
        Optional<String> missing = reader.string("missing");
        if (missing.isPresent() && !missing.get().equals(Translations.FALLBACK) && !missing.get().equals(Translations.OMIT)) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, reader.node("missing").get().position(), "'translations.missing'"
                    + " must be 'fallback' (the original's text where an entry has no translation) or 'omit' (no page in that"
                    + " edition), not '" + missing.get() + "'"));
            return Translations.fallback(mapping.get().position());
        }
        return new Translations(missing.map(Translations.OMIT::equals).orElse(false), mapping.get().position());
    }

    private static Position codePosition(YamlNode.Mapping mapping) {
        return mapping.get("code").map(YamlNode::position).orElse(mapping.position());
    }

    private static Position prefixPosition(YamlNode.Mapping mapping) {
        return mapping.get("prefix").map(YamlNode::position).orElse(mapping.position());
    }

    private static String shown(String prefix) {
        return prefix.isEmpty() ? "/" : prefix;
    }
}
