package org.opensourceecology.incubator.process;

/**
 * How a saved Tasklist filter names its texts so that Tasklist shows them in the reader's language:
 * Camunda stores one name per filter and one label per listed variable, so a module that creates a
 * filter puts the message keys of its name and labels into the filter's properties, beside the English
 * texts. A name or label someone changed later (no longer the key's English text) is shown as it is.
 */
public final class TasklistFilterTexts {

    /** Filter property: the message key of the filter's name. */
    public static final String NAME_KEY = "nameKey";

    /** Property of an entry of the filter's {@code variables}: the message key of its label. */
    public static final String LABEL_KEY = "labelKey";

    private TasklistFilterTexts() {}
}
