package org.opensourceecology.incubator.process.internal;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;

/**
 * A Camunda version, as the engine reports it and as {@code ACT_GE_SCHEMA_LOG.VERSION_} records it.
 * Camunda changes its schema between minor versions (7.23 to 7.24), so schemas are compared by minor.
 */
record CamundaVersion(int major, int minor, int patch) implements Comparable<CamundaVersion> {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses "7.24.0", "7.24" or "7.24.0-ee" (the suffix is ignored). */
    static CamundaVersion parse(String text) {
        var matcher = VERSION.matcher(text == null ? "" : text.strip());
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not a Camunda version: '" + text + "'");
        }
        return new CamundaVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
    }

    /** The version of the camunda-engine jar on the classpath. */
    static CamundaVersion ofEngine() {
        return parse(ProductPropertiesUtil.getProductVersion());
    }

    /** The next minor version: 7.24 → 7.25. */
    CamundaVersion nextMinor() {
        return new CamundaVersion(major, minor + 1, 0);
    }

    boolean sameMinor(CamundaVersion other) {
        return major == other.major && minor == other.minor;
    }

    int compareMinor(CamundaVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** "7.24", the form Camunda's upgrade script names use. */
    String minorVersion() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(CamundaVersion other) {
        int byMinor = compareMinor(other);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
