package dev.explainer.deploy;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/** Disables the nginx tests, visibly (reported as skipped, with the reason on standard error), where nginx is missing. */
public final class RequiresNginx implements ExecutionCondition {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static volatile boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(NGINX)) {
            return ConditionEvaluationResult.enabled("nginx is installed");
        }
        String reason = "NGINX TESTS SKIPPED: " + NGINX + " not found; install it with 'apt-get install nginx' (.ci/run does)";
        if (!told) {
            told = true;
            System.err.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
