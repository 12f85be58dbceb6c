package org.embex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of DESIGN.md: the engine knows no UI, and each native library stays in its package. */
@AnalyzeClasses(packages = "org.embex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoUserInterface = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule onlyTheEmbedderTouchesOnnxRuntime = noClasses().that().resideOutsideOfPackage("org.embex.embed..")
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..");

    @ArchTest
    static final ArchRule onlyTheEmbedderTouchesTheTokenizer = noClasses().that().resideOutsideOfPackage("org.embex.embed..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    /** DJL calls home when a tokenizer is built; only the class that first switches that off may build one. */
    @ArchTest
    static final ArchRule onlyTextTokenizerBuildsDjlTokenizers = noClasses().that()
            .doNotHaveFullyQualifiedName("org.embex.embed.TextTokenizer")
            .should().dependOnClassesThat().haveFullyQualifiedName("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");

    @ArchTest
    static final ArchRule onlyTheCacheAndParquetTouchSql = noClasses().that()
            .resideOutsideOfPackages("org.embex.cache..", "org.embex.parquet..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..");

    @ArchTest
    static final ArchRule engineNeverPrints = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
