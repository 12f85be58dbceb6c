package org.embex.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The faces (command line, window, server) are siblings over one use-case layer: none knows another,
 * only the launcher knows them all, and all reach the engine through the use cases
 * ({@code org.embex.usecase}), never through its services. The engine's values (records, enums,
 * interfaces, exceptions, the two immutable value classes below) may pass through. Every rule here
 * failed on the main of 2026-12-01, where the desktop depended on the command line and each
 * command called the engine's services itself.
 */
@AnalyzeClasses(packages = "org.embex", importOptions = FacesArchitectureTest.MainCodeOnly.class)
class FacesArchitectureTest {

    /** The modules' main classes: not the tests, nor the desktop's test fixtures this module's tests borrow as a jar. */
    static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    private static final String[] ENGINE = {"org.embex.cache..", "org.embex.cluster..", "org.embex.compare..",
        "org.embex.corpus..", "org.embex.embed..", "org.embex.eval..", "org.embex.gate..", "org.embex.layout..",
        "org.embex.model..", "org.embex.neighbours..", "org.embex.threshold..", "org.embex.vectors.."};

    private static final String[] FACES = {"org.embex.cli..", "org.embex.desktop..", "org.embex.server..", "org.embex.launcher.."};

    /** Immutable values that are classes rather than records: a ROC curve, and the embedded set's matrix. */
    private static final java.util.Set<String> VALUE_CLASSES = java.util.Set.of("org.embex.threshold.RocCurve",
            "org.embex.vectors.VectorMatrix");

    private static final DescribedPredicate<JavaClass> ENGINE_SERVICES = new DescribedPredicate<>("engine services") {
        @Override
        public boolean test(JavaClass used) {
            // An array of values is a value: judge its element type.
            JavaClass type = used.isArray() ? used.getBaseComponentType() : used;
            JavaClass outer = type;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            boolean engine = java.util.Arrays.stream(ENGINE).map(p -> p.substring(0, p.length() - 2))
                    .anyMatch(p -> type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."));
            boolean value = type.isRecord() || type.isEnum() || type.isInterface() || type.isAssignableTo(Throwable.class)
                    || outer.isRecord() || outer.isEnum() || VALUE_CLASSES.contains(type.getName());
            return engine && !value;
        }
    };

    @ArchTest
    static final ArchRule theDesktopDoesNotKnowTheCommandLine = noClasses().that().resideInAPackage("org.embex.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("org.embex.cli..", "org.embex.server..", "org.embex.launcher..",
                    "picocli..");

    @ArchTest
    static final ArchRule theCommandLineDoesNotKnowTheDesktop = noClasses().that().resideInAPackage("org.embex.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.embex.desktop..", "org.embex.server..", "org.embex.launcher..",
                    "javafx..");

    @ArchTest
    static final ArchRule theServerKnowsNoOtherFace = noClasses().that().resideInAPackage("org.embex.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.embex.cli..", "org.embex.desktop..", "org.embex.launcher..",
                    "javafx..", "picocli..");

    @ArchTest
    static final ArchRule theFacesCallUseCasesNotEngineServices = noClasses().that().resideInAnyPackage(FACES)
            .should().dependOnClassesThat(ENGINE_SERVICES);

    @ArchTest
    static final ArchRule theUseCasesKnowNoFace = noClasses().that().resideInAPackage("org.embex.usecase..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "org.eclipse.jetty..", "org.embex.cli..",
                    "org.embex.desktop..", "org.embex.server..", "org.embex.launcher..");

    @ArchTest
    static final ArchRule theEngineKnowsNoUseCase = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage("org.embex.usecase..");

    /**
     * Java2D (java.awt, javax.imageio) is for the figures plot writes as PNG, SVG and PDF, and for
     * nothing else (decision record 0026; the installers' runtime carries java.desktop for them);
     * Swing, JavaBeans, sound and preferences for nothing at all.
     */
    @ArchTest
    static final ArchRule onlyFiguresDrawWithJava2d = noClasses().that().resideOutsideOfPackage("org.embex.desktop.figure..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..");

    @ArchTest
    static final ArchRule noClassNeedsSwingBeansSoundOrPreferences = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javax.swing..", "java.beans..", "javax.sound..", "java.util.prefs..", "java.awt.datatransfer..");
}
