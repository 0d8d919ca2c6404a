package dev.explainer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline's packages, in the order in which dependencies may run: each may use only those
 * before it. A package that uses a later one (the loader calling the renderer, a stage reaching
 * into the preview) fails here, naming the classes.
 */
class ArchitectureTest {
    static final List<String> PIPELINE = List.of(
            "diagnostic", "text", "yaml", "parallel", "config", "load", "validate", "markdown", "link",
            "check", "render", "output", "pipeline", "serve", "scaffold", "cli");

    static JavaClasses classes;

    @BeforeAll
    static void importTheMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.explainer");
    }

    @Test
    void everyPackageUsesOnlyThePackagesBeforeItInThePipeline() {
        for (int i = 0; i < PIPELINE.size() - 1; i++) {
            String[] later = PIPELINE.subList(i + 1, PIPELINE.size()).stream()
                    .map(name -> "dev.explainer." + name + "..").toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage("dev.explainer." + PIPELINE.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .because("dependencies run one way: " + PIPELINE.get(i) + " comes before "
                            + String.join(", ", PIPELINE.subList(i + 1, PIPELINE.size())));
            rule.check(classes);
        }
    }

    @Test
    void everyPackageHasItsPlaceInThePipeline() {
        Set<String> packages = classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.explainer."))
                .map(name -> name.substring("dev.explainer.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(PIPELINE), packages,
                "a new package needs its place in ArchitectureTest.PIPELINE (and the stages of docs/architecture.md)");
    }
}
