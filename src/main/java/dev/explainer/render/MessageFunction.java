package dev.explainer.render;

import dev.explainer.config.LanguageFormat;

import freemarker.core.Environment;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@code t('menu.home')}, {@code t('quotes.count', n)}: an interface string of the page's
 * language from its message file, placeholders {@code {0}}, {@code {1}} ... filled with the
 * further arguments (numbers and dates written as the page writes them). The result is plain
 * text, escaped like any other.
 */
final class MessageFunction implements TemplateMethodModelEx {
    /** The name of the {@link Messages} among the configuration's custom attributes. */
    static final String MESSAGES = "explainer.messages";

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel key)) {
            throw new TemplateModelException("t: argument 1 must be a message key, such as t('menu.home')");
        }
        Environment env = Environment.getCurrentEnvironment();
        Messages messages = (Messages) env.getConfiguration().getCustomAttribute(MESSAGES);
        List<String> values = new ArrayList<>();
        for (int i = 1; i < arguments.size(); i++) {
            values.add(text(arguments.get(i), i + 1, env));
        }
        return new SimpleScalar(messages.format(LanguageFormat.ofLocale(env.getLocale()).code(), key.getAsString(), values));
    }

    private static String text(Object argument, int position, Environment env) throws TemplateModelException {
        try {
            if (argument instanceof TemplateNumberModel number) {
                return env.getTemplateNumberFormat().formatToPlainText(number);
            } else if (argument instanceof TemplateDateModel date) {
                return env.getTemplateDateFormat(TemplateDateModel.DATE, Date.class).formatToPlainText(date);
            } else if (argument instanceof TemplateScalarModel scalar) {
                return scalar.getAsString();
            }
        } catch (TemplateValueFormatException e) {
            throw new TemplateModelException("t: argument " + position + " cannot be written: " + e.getMessage());
        }
        throw new TemplateModelException("t: argument " + position + " must be a text, a number or a date");
    }
}
