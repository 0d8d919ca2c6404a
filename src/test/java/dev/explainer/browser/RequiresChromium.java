package dev.explainer.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Disables browser tests, visibly, where Debian's Chromium or ChromeDriver is missing: each test
 * is reported as skipped with the reason, and the reason is printed once on standard error.
 */
public final class RequiresChromium implements ExecutionCondition {
    private static volatile boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        String reason = "BROWSER TESTS SKIPPED: " + Browser.CHROMIUM + " or " + Browser.DRIVER
                + " not found; install them with 'apt-get install chromium chromium-driver' (.ci/run does)";
        if (!told) {
            told = true;
            System.err.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
