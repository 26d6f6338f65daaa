package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The portal's language: from the browser ({@code Accept-Language}) until the person picks one with
 * {@code ?lang=xx} (the switcher in the layout); the choice is kept in a cookie and, for a logged-in
 * person, in {@link PreferredLanguages} so that their mail uses it too. Only English, Spanish and
 * French are ever resolved.
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "incubator-lang";
    static final String PARAMETER = "lang";

    private final ObjectProvider<PreferredLanguages> preferences;

    /** A provider: web slice tests get the language handling without the database. */
    LanguageConfiguration(ObjectProvider<PreferredLanguages> preferences) {
        this.preferences = preferences;
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RememberingLocaleChangeInterceptor(preferences));
    }

    /** A cookie-based resolver that negotiates Accept-Language and never answers an unsupported locale. */
    static class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super(COOKIE);
            setCookieMaxAge(Duration.ofDays(365));
            setDefaultLocaleFunction(request -> Languages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return Languages.supported(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext context = super.resolveLocaleContext(request);
            TimeZone timeZone = context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
            return new SimpleTimeZoneAwareLocaleContext(Languages.supported(context.getLocale()), timeZone);
        }

        @Override
        public void setLocaleContext(
                HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
            Locale chosen = localeContext == null ? null : Languages.supported(localeContext.getLocale());
            super.setLocaleContext(
                    request, response, chosen == null ? null : new SimpleTimeZoneAwareLocaleContext(chosen, null));
        }
    }

    /** {@code ?lang=xx} switches the language; a logged-in person's choice is remembered for mail. */
    static class RememberingLocaleChangeInterceptor extends LocaleChangeInterceptor {

        private final ObjectProvider<PreferredLanguages> preferences;

        RememberingLocaleChangeInterceptor(ObjectProvider<PreferredLanguages> preferences) {
            this.preferences = preferences;
            setParamName(PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws jakarta.servlet.ServletException {
            boolean proceed = super.preHandle(request, response, handler);
            String requested = request.getParameter(PARAMETER);
            if (requested != null && !requested.isBlank()) {
                Locale chosen = RequestContextUtils.getLocale(request);
                CurrentUser.get()
                        .ifPresent(user -> preferences.ifAvailable(store -> store.remember(user.id(), chosen)));
            }
            return proceed;
        }
    }
}
