package org.opensourceecology.incubator.notification.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders mail from plain-text Thymeleaf templates and message bundles. */
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

    Rendered render(String template, Map<String, ?> model, Locale locale) {
        var context = new Context(locale);
        context.setVariable("baseUrl", baseUrl);
        model.forEach(context::setVariable);
        String subject = messages.getMessage(
                "mail." + template + ".subject", model.values().toArray(), locale);
        return new Rendered(subject, engine.process(template, context));
    }
}
