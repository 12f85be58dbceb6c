package org.embex.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Spark job is a face like the window and the command line: it reaches embex through the use
 * cases and the values they take (the launcher's FacesArchitectureTest holds the others; it cannot
 * see this module, which nothing depends on).
 */
@AnalyzeClasses(packages = "org.embex.spark", importOptions = ImportOption.DoNotIncludeTests.class)
class SparkFaceArchitectureTest {

    /** The values the job hands to the use cases or reads names from: records and the bad-input error. */
    private static final Set<String> VALUES = Set.of("org.embex.BadInputException", "org.embex.corpus.ColumnChoice",
            "org.embex.corpus.ColumnChoice$Bound", "org.embex.corpus.TextRow", "org.embex.model.ModelFolder");

    private static final DescribedPredicate<JavaClass> USE_CASES_OR_OUTSIDE = new DescribedPredicate<>(
            "outside embex, or embex's use cases, or the values they take") {
        @Override
        public boolean test(JavaClass used) {
            JavaClass type = used.isArray() ? used.getBaseComponentType() : used;
            String name = type.getName();
            return !name.startsWith("org.embex.") || name.startsWith("org.embex.usecase.") || name.startsWith("org.embex.spark.")
                    || VALUES.contains(name);
        }
    };

    @ArchTest
    static final ArchRule theJobCallsUseCasesNotEngineServices = classes().that().resideInAPackage("org.embex.spark..")
            .should().onlyDependOnClassesThat(USE_CASES_OR_OUTSIDE);
}
