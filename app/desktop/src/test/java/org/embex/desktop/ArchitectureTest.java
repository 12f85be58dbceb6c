package org.embex.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desktop's share of the house rules: the UI never touches SQL, and its engine side never touches JavaFX. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.embex.desktop");

    @Test
    void theDesktopNeverTouchesSql() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.sql..").check(classes);
    }

    @Test
    void theExplorersEngineSideHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.embex.usecase..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void onlyTheEmbedderTalksToOnnxRuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..").check(classes);
    }
}
