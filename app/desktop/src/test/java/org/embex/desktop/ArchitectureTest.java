package org.embex.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The desktop's share of the house rules: the UI never touches SQL or the native libraries, the
 * map's geometry (everything but the two classes that draw) stays free of JavaFX
 * (docs/decisions/0009), and the view models need no screen. The use cases the window calls live
 * in core, whose rules keep them free of JavaFX; the launcher's rules keep the window and the
 * command line apart.
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
    void theFiguresNeedNoJavaFx() {
        // plot draws with Java2D alone: no toolkit to start, no display, the same on a server.
        noClasses().that().resideInAnyPackage("org.embex.desktop.figure..", "org.embex.desktop.plot..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void theViewModelsNeedNoScreen() {
        noClasses().that().resideInAPackage("org.embex.desktop.viewmodel..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..").check(classes);
    }

    /**
     * Issue 13's line between views and view models, file by file: a file that builds controls
     * (calls into javafx.scene.control, javafx.scene.layout or javafx.stage) calls no use case.
     * Reading a value the use cases made is fine: a record's methods that take nothing or a row
     * index, an enum, and {@code Percent}, the faces' one way of writing a rate.
     */
    @Test
    void noFileBuildsControlsAndCallsUseCases() {
        Map<String, List<JavaClass>> files = classes.stream().collect(Collectors.groupingBy(ArchitectureTest::sourceFile));
        List<String> both = new ArrayList<>();
        files.forEach((file, inFile) -> {
            boolean buildsControls = inFile.stream().flatMap(c -> c.getCodeUnitCallsFromSelf().stream())
                    .map(call -> call.getTargetOwner().getPackageName())
                    .anyMatch(name -> name.startsWith("javafx.scene.control") || name.startsWith("javafx.scene.layout")
                            || name.startsWith("javafx.stage"));
            List<String> calls = inFile.stream().flatMap(c -> c.getCodeUnitCallsFromSelf().stream())
                    .filter(ArchitectureTest::callsAUseCase)
                    .map(call -> call.getTarget().getFullName()).distinct().toList();
            if (buildsControls && !calls.isEmpty()) {
                both.add(file + " builds controls and calls " + calls);
            }
        });
        assertThat(both).isEmpty();
    }

    private static String sourceFile(JavaClass type) {
        String file = type.getSource().flatMap(Source::getFileName).orElse(type.getSimpleName());
        return type.getPackageName() + "/" + file;
    }

    private static boolean callsAUseCase(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        if (!owner.getPackageName().equals("org.embex.usecase") || owner.isEnum() || owner.getSimpleName().equals("Percent")) {
            return false;
        }
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        boolean readsARecord = owner.isRecord() && call instanceof JavaMethodCall
                && (parameters.isEmpty() || parameters.size() == 1 && parameters.get(0).getName().equals("int"));
        return !readsARecord;
    }

    @Test
    void onlyTheEmbedderTalksToOnnxRuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..").check(classes);
    }
}
