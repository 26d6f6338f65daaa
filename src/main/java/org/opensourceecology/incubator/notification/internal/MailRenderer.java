package org.opensourceecology.incubator.notification.internal;

import java.util.Locale;
import java.util.Map;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.notification.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail from plain-text Thymeleaf templates and message bundles. Each template has one file
 * per language, like a resource bundle: {@code templates/mail/<template>.txt} is English (and the
 * fallback), {@code <template>_es.txt} and {@code <template>_fr.txt} the translations; the subject is
 * the message {@code mail.<template>.subject} in the same language.
 */
@Component
class MailRenderer {

    record Rendered(String subject, String body) {}

    private final SpringTemplateEngine engine;
    private final MessageSource messages;
    private final String baseUrl;

    MailRenderer(MessageSource messages, org.springframework.core.env.Environment environment) {
        this.messages = messages;
        this.baseUrl = environment.getProperty("incubator.base-url", "http://localhost:8080");
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        this.engine = new SpringTemplateEngine();
        this.engine.setTemplateResolver(resolver);
        this.engine.setTemplateEngineMessageSource(messages);
    }

    /** The template file for a language: {@code <template>_<language>} if it exists, else the English one. */
    static String variant(String template, Locale language) {
        if (language.getLanguage().equals(Languages.FALLBACK.getLanguage())) {
            return template;
        }
        String localized = template + "_" + language.getLanguage();
        return new ClassPathResource("templates/mail/" + localized + ".txt").exists() ? localized : template;
    }

    /** A {@link LocalizedText} in the mail's language; any other value as it is. */
    private static Object inLanguage(Object value, Locale language) {
        return value instanceof LocalizedText text ? text.in(language) : value;
    }

    Rendered render(String template, Map<String, ?> model, Locale locale) {
        Locale language = Languages.supported(locale);
        var context = new Context(language);
        context.setVariable("baseUrl", baseUrl);
        model.forEach((name, value) -> context.setVariable(name, inLanguage(value, language)));
        String subject = messages.getMessage(
                "mail." + template + ".subject",
                model.values().stream()
                        .map(value -> inLanguage(value, language))
                        .toArray(),
                language);
        return new Rendered(subject, engine.process(variant(template, language), context));
    }
}
