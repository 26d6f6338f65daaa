package org.opensourceecology.incubator.process.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Forms, task names and process names of the engine API in the person's language (Tasklist, REST API). */
@Configuration
class EngineApiTranslationConfiguration {

    static final String FORMS_BUNDLE = "forms";

    @Bean
    EngineApiTranslations engineApiTranslations(TaskTextQuery taskTexts, MessageSource messages) {
        return new EngineApiTranslations(
                TranslationBundle.load(FORMS_BUNDLE),
                TranslationBundle.load(TaskTextTranslations.BUNDLE),
                taskTexts,
                messages);
    }

    /** After security (only answers a person may see are translated) and the webapps' sign-on. */
    @Bean
    FilterRegistrationBean<EngineApiTranslationFilter> engineApiTranslationFilter(
            EngineApiTranslations translations, ObjectProvider<LocaleResolver> localeResolver) {
        var registration = new FilterRegistrationBean<>(new EngineApiTranslationFilter(translations, localeResolver));
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
