package io.github.camelpreservica.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout's promises, checked on the compiled main classes (not the tests): the protocol code needs no Camel, and
 * Vert.x, an optional dependency, is touched only where its absence is guarded. A rule whose classes are all gone
 * fails too (ArchUnit's default), so a rename cannot make these pass by matching nothing.
 */
@AnalyzeClasses(packages = "io.github.camelpreservica",
                importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class PackageDependenciesTest {

    private static final String[] CAMEL_FREE = {
            "io.github.camelpreservica.client..",
            "io.github.camelpreservica.signing..",
            "io.github.camelpreservica.delivery.." };

    private static final String VERTX_PACKAGE = "io.github.camelpreservica.vertx..";
    private static final String[] VERTX_TYPES = { "io.vertx..", "org.apache.camel.component.platform.http.vertx.." };

    // the one class outside the vertx package that names Vert.x types; loaded only once Vert.x is known to be there
    private static final String GUARDED_VERTX_READER = "io\\.github\\.camelpreservica\\.component\\.webhook\\.VertxRequestBody(\\$.*)?";
    // the callers that check for Vert.x (RequestBodyReader.VERTX_AVAILABLE, isVertxEngine) before going there
    private static final String GUARDED_VERTX_CALLERS = "io\\.github\\.camelpreservica\\.component\\.webhook\\.(RequestBodyReader|PreservicaWebhookComponent"
            + "|VertxRequestBody)(\\$.*)?";

    @ArchTest
    static final ArchRule camelFreePackagesDoNotDependOnCamel = noClasses()
            .that().resideInAnyPackage(CAMEL_FREE)
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("the REST client, the signing rules and the delivery model are usable without Camel");

    @ArchTest
    static final ArchRule camelFreePackagesDoNotDependOnTheComponents = noClasses()
            .that().resideInAnyPackage(CAMEL_FREE)
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.github.camelpreservica.component..", VERTX_PACKAGE)
            .because("the components build on the protocol code, never the other way round");

    @ArchTest
    static final ArchRule camelFreePackagesDoNotDependOnVertx = noClasses()
            .that().resideInAnyPackage(CAMEL_FREE)
            .should().dependOnClassesThat().resideInAnyPackage(VERTX_TYPES)
            .because("Vert.x is an optional dependency");

    @ArchTest
    static final ArchRule onlyTheVertxPackageAndTheGuardedBodyReaderNameVertxTypes = noClasses()
            .that().resideOutsideOfPackage(VERTX_PACKAGE)
            .and().haveNameNotMatching(GUARDED_VERTX_READER)
            .should().dependOnClassesThat().resideInAnyPackage(VERTX_TYPES)
            .because("Vert.x is an optional dependency: its types belong in io.github.camelpreservica.vertx, or in "
                    + "VertxRequestBody, which is loaded only once Vert.x is known to be on the classpath");

    @ArchTest
    static final ArchRule vertxCodeIsReachedOnlyByCallersThatCheckForVertx = noClasses()
            .that().haveNameNotMatching(GUARDED_VERTX_CALLERS)
            .and().resideOutsideOfPackage(VERTX_PACKAGE)
            .should().dependOnClassesThat().resideInAPackage(VERTX_PACKAGE)
            .orShould().dependOnClassesThat().haveNameMatching(GUARDED_VERTX_READER)
            .because("loading a class that names Vert.x fails where Vert.x is absent: a new caller must check first "
                    + "(RequestBodyReader.isVertxEngine) and then be named here");
}
