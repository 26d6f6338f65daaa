package org.opensourceecology.incubator.identity.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's language: negotiated from Accept-Language among English, Spanish and French, switched
 * with ?lang= (kept in a cookie), and remembered for the logged-in person's mail.
 */
@WebMvcTest(LoginController.class)
@Import(LanguageWebTest.PortalLogin.class)
@WithMockUser(username = "trainee")
class LanguageWebTest {

    /** The portal's own login page instead of Spring Security's generated one (as in production). */
    @TestConfiguration
    static class PortalLogin {
        @Bean
        SecurityFilterChain portal(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(form -> form.loginPage("/login").permitAll())
                    .build();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PreferredLanguages preferences;

    @Test
    void spanishBrowserGetsTheSpanishPage() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"es\"")))
                .andExpect(content().string(containsString("Nombre de usuario")))
                .andExpect(content().string(containsString("Saltar al contenido")));
    }

    @Test
    void firstSupportedLanguageOfTheBrowserWins() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9,fr;q=0.8,es;q=0.7"))
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(content().string(containsString("Mot de passe")));
    }

    @Test
    void unsupportedOrMissingLanguageFallsBackToEnglish() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("User name")));
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("User name")));
    }

    @Test
    void langParameterSwitchesSetsTheCookieAndRemembersItForMail() throws Exception {
        mvc.perform(get("/login").param("lang", "fr").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(content().string(containsString("Mot de passe")))
                .andExpect(cookie().value(LanguageConfiguration.COOKIE, "fr"));

        verify(preferences).remember("trainee", Locale.FRENCH);
    }

    @Test
    void cookieBeatsTheBrowserLanguage() throws Exception {
        mvc.perform(get("/login")
                        .cookie(new Cookie(LanguageConfiguration.COOKIE, "es"))
                        .header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("<html lang=\"es\"")))
                .andExpect(content().string(containsString("Contraseña")));
        verify(preferences, never()).remember(any(), any());
    }

    @Test
    void unsupportedLangParameterOrCookieIsEnglish() throws Exception {
        mvc.perform(get("/login").param("lang", "de"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(not(containsString("Anmelden"))));
        mvc.perform(get("/login").cookie(new Cookie(LanguageConfiguration.COOKIE, "xx")))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
        verify(preferences).remember(eq("trainee"), eq(Locale.ENGLISH));
    }

    @Test
    void everyPageOffersTheLanguageSwitcherWithTheCurrentLanguageMarked() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "es"))
                .andExpect(content().string(containsString("href=\"?lang=fr\" hreflang=\"fr\" lang=\"fr\"")))
                .andExpect(content()
                        .string(containsString("href=\"?lang=es\" hreflang=\"es\" lang=\"es\" aria-current=\"true\"")));
    }
}
