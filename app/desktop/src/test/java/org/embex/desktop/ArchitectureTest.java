package org.embex.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The desktop's share of the house rules: the UI never touches SQL or the native libraries, and
 * the map's geometry (everything but the two classes that draw) stays free of JavaFX
 * (docs/decisions/0009). The use cases the window calls live in core, whose rules keep them free
 * of JavaFX; the launcher's rules keep the window and the command line apart.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.embex.desktop");

    @Test
    void theDesktopNeverTouchesSql() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.sql..").check(classes);
    }

    @Test
    void theMapsGeometryHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.embex.desktop.map..")
                .and().haveNameNotMatching("org\\.embex\\.desktop\\.map\\.(MapView|Legend)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void onlyTheEmbedderTalksToOnnxRuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..").check(classes);
    }
}
