package dev.explainer.diagnostic;

/** How bad a diagnostic is. Errors fail the build; warnings are reported and the build goes on. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in the diagnostic line, as compilers print it. */
    public String label() {
        return label;
    }
}
