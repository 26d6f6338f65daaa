package org.opensourceecology.incubator.download.internal;

import jakarta.validation.Valid;
import org.opensourceecology.incubator.catalog.EnterprisePages;
import org.opensourceecology.incubator.catalog.OperationsManualLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code POST /enterprises/{slug}/downloads}: records the download and answers 303 to the Operations
 * Manual; invalid input shows the enterprise page again with the messages (400), nothing recorded.
 */
@Controller
class DownloadController {

    private final OperationsManualLinks manuals;
    private final EnterprisePages pages;
    private final Downloads downloads;
    private final MessageSource messages;

    DownloadController(
            OperationsManualLinks manuals, EnterprisePages pages, Downloads downloads, MessageSource messages) {
        this.manuals = manuals;
        this.pages = pages;
        this.downloads = downloads;
        this.messages = messages;
    }

    @PostMapping("/enterprises/{slug}/downloads")
    ModelAndView download(
            @PathVariable String slug,
            @Valid @ModelAttribute("downloadForm") DownloadForm form,
            BindingResult errors,
            Model model) {
        var manual = manuals.ofPublished(slug);
        if (manual.isEmpty()) {
            pages.fill(slug, model);
            return new ModelAndView(EnterprisePages.NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
        }
        if (errors.hasErrors()) {
            pages.fill(slug, model);
            model.addAttribute(
                    "downloadErrors",
                    errors.getAllErrors().stream()
                            .map(e -> messages.getMessage(e, LocaleContextHolder.getLocale()))
                            .distinct()
                            .toList());
            return new ModelAndView(EnterprisePages.VIEW, HttpStatus.BAD_REQUEST);
        }
        downloads.record(slug, form, LocaleContextHolder.getLocale());
        var redirect = new RedirectView(manual.get());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
